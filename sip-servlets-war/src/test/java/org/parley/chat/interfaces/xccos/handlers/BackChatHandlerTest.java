package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.HistoryMessage;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class BackChatHandlerTest {

    private static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T12:00:05Z");

    @Mock
    HistoryService history;

    private final BackChatHandler handler = new BackChatHandler();

    @BeforeEach
    void wire() {
        handler.history = history;
        handler.configuration = TestChatConfiguration.contoso()
                .maxFileSizeBytes(1024)
                .backChatDefaultCount(12)
                .build();
    }

    /** A client that names no count gets the server's default (parley.chat.backchat-default-count). */
    @Test
    void noCountNamedIsTheServersDefault() {
        when(history.last(ALICE, ROOM_A, 12)).thenReturn(List.of());

        handler.handle(new Command.BackChatContext(REF, ROOM_A, null, null), ALICE_CLIENT);

        verify(history).last(ALICE, ROOM_A, 12);
    }

    @Test
    void handlesBackChatCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.BackChatContext.class);
    }

    /** bcq/last: the last N, oldest first as the service gives them, each with its sequence number as msgid. */
    @Test
    void lastNMessagesAsGrpchatItemsOfTheRoom() {
        when(history.last(ALICE, ROOM_A, 25))
                .thenReturn(List.of(
                        new MessageView(ROOM_A, 7, BOB, "hello", T1.minusSeconds(1), T1),
                        new MessageView(ROOM_A, 8, ALICE, "hi bob", T2.minusSeconds(1), T2)));

        var out = handler.handle(new Command.BackChatContext(REF, ROOM_A, 25, null), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply(
                        "rpl:bccontext",
                        REF,
                        Result.OK,
                        List.of(ChannelInfo.history(
                                ROOM_A,
                                List.of(
                                        new HistoryMessage(ROOM_A, BOB, T1, "hello", 7L),
                                        new HistoryMessage(ROOM_A, ALICE, T2, "hi bob", 8L))))));
        verify(history, never()).before(anyString(), anyString(), anyLong(), anyInt());
    }

    /** bcq/before (our paging form): the N before a message id, asked as the user who sent the command. */
    @Test
    void pagesBackBeforeAMessageId() {
        when(history.before(ALICE, ROOM_A, 40L, 10))
                .thenReturn(List.of(new MessageView(ROOM_A, 30, BOB, "older", T1, T1)));

        var out = handler.handle(new Command.BackChatContext(REF, ROOM_A, 10, 40L), ALICE_CLIENT);

        Reply reply = (Reply) out.get(0);
        assertThat(((ChannelInfo) reply.data().get(0)).messages())
                .containsExactly(new HistoryMessage(ROOM_A, BOB, T1, "older", 30L));
        verify(history, never()).last(anyString(), anyString(), anyInt());
    }

    /** A room that keeps no history answers an empty chanib, still a success (SIPE reads data/chanib/msg). */
    @Test
    void noHistoryIsAnEmptyRoomNotAnError() {
        when(history.last(ALICE, ROOM_A, 25)).thenReturn(List.of());

        var out = handler.handle(new Command.BackChatContext(REF, ROOM_A, 25, null), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply("rpl:bccontext", REF, Result.OK, List.of(ChannelInfo.uriOnly(ROOM_A))));
    }
}
