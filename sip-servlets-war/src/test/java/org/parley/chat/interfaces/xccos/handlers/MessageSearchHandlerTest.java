package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.HistoryMessage;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class MessageSearchHandlerTest {

    private static final Instant NEWER = Instant.parse("2024-05-02T08:00:00Z");
    private static final Instant OLDER = Instant.parse("2024-05-01T08:00:00Z");

    @Mock
    HistoryService history;

    private final MessageSearchHandler handler = new MessageSearchHandler();

    @BeforeEach
    void wire() {
        handler.history = history;
    }

    @Test
    void handlesMessageSearchCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.MessageSearch.class);
    }

    /** Text, room and limit go to the service as sent, for this user; hits keep the service's (newest first) order. */
    @Test
    void answersTheHitsAsGrpchatItemsWithTheirIds() {
        when(history.search(ALICE, "deploy", null, 50))
                .thenReturn(List.of(
                        new MessageView(ROOM_B, 12, BOB, "deploy done", NEWER, NEWER),
                        new MessageView(ROOM_A, 3, ALICE, "deploy at 5?", OLDER, OLDER)));

        var out = handler.handle(new Command.MessageSearch(REF, "deploy", null, 50), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply(
                        "rpl:msgsrch",
                        REF,
                        Result.OK,
                        List.of(
                                new HistoryMessage(ROOM_B, BOB, NEWER, "deploy done", 12L),
                                new HistoryMessage(ROOM_A, ALICE, OLDER, "deploy at 5?", 3L))));
    }

    @Test
    void searchesOneRoomWhenTheClientNamesIt() {
        when(history.search(ALICE, "deploy", ROOM_A, 10)).thenReturn(List.of());

        var out = handler.handle(new Command.MessageSearch(REF, "deploy", ROOM_A, 10), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:msgsrch", REF, Result.OK, List.of()));
    }
}
