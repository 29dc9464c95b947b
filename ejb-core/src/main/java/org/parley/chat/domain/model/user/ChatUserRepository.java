package org.parley.chat.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface ChatUserRepository {

    Optional<ChatUser> find(SipUri uri);

    /** The user's record (if any), the Global policy and the user's groups: who a caller is, in one read. */
    CallerRecord callerRecord(SipUri uri);

    List<ChatUser> administrators();

    void add(ChatUser user);

    /** The users the policy is assigned to as their own. */
    List<ChatUser> withPolicy(ChatPolicy policy);

    /** Every user the store knows (has an administrator flag or a policy for), by URI. */
    List<ChatUser> all();
}
