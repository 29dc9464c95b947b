package org.parley.chat.domain.model.user;

import java.util.List;
import java.util.Optional;

public interface ChatUserRepository {

    Optional<ChatUser> find(SipUri uri);

    List<ChatUser> administrators();

    void add(ChatUser user);
}
