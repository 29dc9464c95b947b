package org.parley.chat.interfaces.xccos;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.ChatSetting;

/**
 * The SIP URIs under which Parley serves chat: the lookup endpoint clients find first
 * (sip:ocschat@domain, docs/protocol/xccos.md §1) and the chat endpoint that rpl:requri and provisioning name.
 * They may be the same; the defaults mirror a Lync 2013 pool.
 */
@ApplicationScoped
public class ChatEndpoints {

    private final String domain = ChatSetting.DOMAIN.value();
    private final String lookupUser = property("parley.chat.lookup-user", "ocschat");
    private final String chatUser = property("parley.chat.endpoint-user", "GC-1-PersistentChatService-1");
    private final String hostName = property("parley.sip.host-name", "127.0.0.1");

    public String domain() {
        return domain;
    }

    /** The name or address clients reach the server at (what Contact and SDP carry). */
    public String hostName() {
        return hostName;
    }

    public String chatEndpointUri() {
        return "sip:" + chatUser + "@" + domain;
    }

    /** The Request-URI users the chat servlet answers. */
    public List<String> users() {
        return lookupUser.equalsIgnoreCase(chatUser) ? List.of(chatUser) : List.of(lookupUser, chatUser);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
