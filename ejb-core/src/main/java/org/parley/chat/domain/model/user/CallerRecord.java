package org.parley.chat.domain.model.user;

import java.util.Optional;
import java.util.Set;

/**
 * What the store knows of a caller, read together: their own record if they have one (an administrator flag or a
 * policy), the Global policy, and the keys of the groups they are a member of.
 */
public record CallerRecord(Optional<ChatUser> user, ChatPolicy global, Set<String> groupKeys) {

    public CallerRecord {
        groupKeys = Set.copyOf(groupKeys);
    }
}
