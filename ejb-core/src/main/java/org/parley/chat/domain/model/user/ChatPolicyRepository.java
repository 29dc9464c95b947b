package org.parley.chat.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface ChatPolicyRepository {

    Optional<ChatPolicy> findByName(String name);

    /** The Global policy; the store is seeded with it, so its absence is a broken installation. */
    ChatPolicy global();

    List<ChatPolicy> all();

    void add(ChatPolicy policy);

    void remove(ChatPolicy policy);
}
