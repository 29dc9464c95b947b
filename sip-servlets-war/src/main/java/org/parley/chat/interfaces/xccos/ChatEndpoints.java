package org.parley.chat.interfaces.xccos;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.ChatSetting;
import org.parley.sip.connector.SipSetting;

/**
 * The SIP URIs under which Parley serves chat: the lookup endpoint clients find first
 * (sip:ocschat@domain, docs/protocol/xccos.md §1) and the chat endpoint that rpl:requri and provisioning name.
 * They may be the same; the defaults mirror a Lync 2013 pool.
 */
@ApplicationScoped
public class ChatEndpoints {

    private final String domain = ChatSetting.DOMAIN.value();
    private final String lookupUser = ChatSetting.LOOKUP_USER.value();
    private final String chatUser = ChatSetting.ENDPOINT_USER.value();
    private final String hostName = SipSetting.HOST_NAME.value();

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
}
