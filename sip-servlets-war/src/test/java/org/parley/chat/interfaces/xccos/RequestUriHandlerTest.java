package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

class RequestUriHandlerTest {

    private final RequestUriHandler handler = new RequestUriHandler();

    @Test
    void handlesRequestUriCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.RequestUri.class);
    }

    /**
     * The lookup step: the reply's data/uib/@uri is the chat endpoint to INVITE next, whatever URI the
     * client reached us on (docs/protocol/xccos.md §7.1).
     */
    @Test
    void answersTheChatEndpointUri() {
        ChatEndpoints endpoints = mock(ChatEndpoints.class);
        when(endpoints.chatEndpointUri()).thenReturn("sip:GC-7-PersistentChatService-2@fabrikam.com");
        handler.endpoints = endpoints;

        var out = handler.handle(
                new Command.RequestUri(REF), new ChatClient(ALICE, "sip:ocschat@fabrikam.com", "s-lookup"));

        assertThat(out)
                .containsExactly(new Reply(
                        "rpl:requri",
                        REF,
                        Result.OK,
                        List.of(UserInfo.of("sip:GC-7-PersistentChatService-2@fabrikam.com"))));
    }
}
