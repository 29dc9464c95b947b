package org.parley.chat.domain.model.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface UserGroupRepository {

    Optional<UserGroup> findByName(String name);

    /** Name keys of the groups the user is a member of: what GROUP principals are matched against. */
    Set<String> groupKeysOf(SipUri user);

    List<UserGroup> all();

    void add(UserGroup group);

    void remove(UserGroup group);
}
