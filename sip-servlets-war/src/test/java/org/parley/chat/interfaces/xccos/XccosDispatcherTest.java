package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.LogRecord;

import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.UserInfo;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;
import org.parley.xccos.XccosException;

class XccosDispatcherTest {

    private static final Command.Part PART = new Command.Part(REF, ROOM_A);

    @Test
    void routesEachCommandToTheHandlerOfItsType() {
        StubHandler<Command.Part> parts =
                new StubHandler<>(Command.Part.class, () -> List.of(Reply.ok(PART, UserInfo.of("part handled"))));
        StubHandler<Command.RequestUri> requris = new StubHandler<>(
                Command.RequestUri.class,
                () -> List.of(Reply.ok(new Command.RequestUri(REF), UserInfo.of("requri handled"))));
        XccosDispatcher dispatcher = dispatcher(parts, requris);

        List<Outbound> out = dispatcher.dispatch(PART, ALICE_CLIENT);

        assertThat(out).containsExactly(Reply.ok(PART, UserInfo.of("part handled")));
        assertThat(parts.received).containsExactly(PART);
        assertThat(parts.clients).containsExactly(ALICE_CLIENT);
        assertThat(requris.received).isEmpty();
    }

    /** A client never meets silence (docs/protocol/xccos.md §7.9): a command nobody handles gets a 501 reply of its own id. */
    @Test
    void unknownCommandIsA501ErrorReply() {
        XccosDispatcher dispatcher = dispatcher(new StubHandler<>(Command.Part.class, List::of));
        Command.Unknown unknown = new Command.Unknown(REF, "cmd:getlogs");

        List<Outbound> out = dispatcher.dispatch(unknown, ALICE_CLIENT);

        assertThat(out).hasSize(1);
        Reply reply = (Reply) out.get(0);
        assertThat(reply.id()).isEqualTo("rpl:getlogs");
        assertThat(reply.ref()).isEqualTo(REF);
        assertThat(reply.result().code()).isEqualTo(501);
        assertThat(reply.result().text()).contains("cmd:getlogs");
        assertThat(reply.data()).isEmpty();
    }

    /** A known command type without a handler bean is as unsupported as an unknown one. */
    @Test
    void commandWithoutAHandlerIsA501ErrorReply() {
        XccosDispatcher dispatcher = dispatcher();

        List<Outbound> out = dispatcher.dispatch(PART, ALICE_CLIENT);

        assertThat(((Reply) out.get(0)).result().code()).isEqualTo(501);
    }

    /** Every refusal reason maps to its code through ChatErrors, the reason's text going to the user verbatim. */
    @ParameterizedTest
    @CsvSource({
        "NOT_FOUND, 404",
        "FORBIDDEN, 403",
        "ROOM_DISABLED, 403",
        "DISABLED_BY_POLICY, 403",
        "CONFLICT, 409",
        "STALE_VERSION, 409",
        "INVALID, 400",
        "TOO_LARGE, 413"
    })
    void chatExceptionBecomesTheReasonsCode(Reason reason, int code) {
        XccosDispatcher dispatcher = dispatcher(new StubHandler<>(Command.Part.class, () -> {
            throw new ChatException(reason, "refused: " + reason);
        }));

        List<Outbound> out = dispatcher.dispatch(PART, ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:part", REF, new Result(code, "refused: " + reason), List.of()));
    }

    /** A reason added later must not fall through to a 500: every refusal is the client's (4xx) and keeps its text. */
    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonIsAClientErrorWithItsText(Reason reason) {
        Result result = ChatErrors.toResult(new ChatException(reason, "why"));

        assertThat(result.code()).isBetween(400, 499);
        assertThat(result.text()).isEqualTo("why");
    }

    /** An EJB that wraps the refusal (a system exception path) is unwrapped to the same code. */
    @Test
    void chatExceptionWrappedInEjbExceptionKeepsItsCode() {
        XccosDispatcher dispatcher = dispatcher(new StubHandler<>(Command.Part.class, () -> {
            throw new EJBException(ChatException.notFound("no room"));
        }));

        Reply reply = (Reply) dispatcher.dispatch(PART, ALICE_CLIENT).get(0);

        assertThat(reply.result()).isEqualTo(new Result(404, "no room"));
    }

    @Test
    void malformedCommandDataIsA400() {
        XccosDispatcher dispatcher = dispatcher(new StubHandler<>(Command.Part.class, () -> {
            throw new XccosException("chanib needs a uri");
        }));

        Reply reply = (Reply) dispatcher.dispatch(PART, ALICE_CLIENT).get(0);

        assertThat(reply.result()).isEqualTo(new Result(400, "chanib needs a uri"));
    }

    /**
     * Anything unexpected is a 500 whose text reveals nothing of the failure (SIPE shows it to the user) but a
     * correlation id, which the one log entry carrying the failure also names.
     */
    @Test
    void unexpectedFailureIsA500WithAGenericTextAndIsLoggedOnceUnderItsCorrelationId() {
        IllegalStateException failure = new IllegalStateException("connection pool exhausted at jdbc:h2:mem:secret");
        XccosDispatcher dispatcher = dispatcher(new StubHandler<>(Command.Part.class, () -> {
            throw failure;
        }));

        List<LogRecord> logged;
        List<Outbound> out;
        try (LogCapture log = LogCapture.of("org.parley.chat.interfaces.xccos")) {
            out = dispatcher.dispatch(PART, ALICE_CLIENT);
            logged = log.records();
        }

        Reply reply = (Reply) out.get(0);
        assertThat(reply.id()).isEqualTo("rpl:part");
        assertThat(reply.result().code()).isEqualTo(500);
        assertThat(reply.result().text())
                .startsWith("The server could not carry out the command")
                .doesNotContain("jdbc");
        String correlationId = LogCapture.correlationId(reply.result().text());
        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.getThrown()).isSameAs(failure);
            assertThat(entry.getMessage())
                    .contains(correlationId)
                    .contains("cmd:part")
                    .contains(ALICE);
        });
    }

    /** One failing command does not affect the next. */
    @Test
    void aFailureDoesNotAffectTheNextCommand() {
        List<Supplier<List<Outbound>>> answers = new ArrayList<>(List.of(
                () -> {
                    throw new IllegalStateException("boom");
                },
                () -> List.of(Reply.ok(PART))));
        XccosDispatcher dispatcher = dispatcher(
                new StubHandler<>(Command.Part.class, () -> answers.remove(0).get()));

        assertThat(((Reply) dispatcher.dispatch(PART, ALICE_CLIENT).get(0))
                        .result()
                        .code())
                .isEqualTo(500);
        assertThat(dispatcher.dispatch(PART, ALICE_CLIENT)).containsExactly(Reply.ok(PART));
    }

    /** Two handlers for one command would make routing depend on bean order: the deployment must fail. */
    @Test
    void twoHandlersForOneCommandTypeFailAtStartup() {
        XccosDispatcher dispatcher = new XccosDispatcher();
        dispatcher.handlerBeans = instanceOf(
                new StubHandler<>(Command.Part.class, List::of), new StubHandler<>(Command.Part.class, List::of));

        assertThatThrownBy(dispatcher::collect)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Part");
    }

    private static XccosDispatcher dispatcher(CommandHandler<?>... handlers) {
        XccosDispatcher dispatcher = new XccosDispatcher();
        dispatcher.handlerBeans = instanceOf(handlers);
        dispatcher.collect();
        return dispatcher;
    }

    /** The dispatcher only iterates its Instance, so a mock that iterates the given beans is enough. */
    @SuppressWarnings("unchecked")
    private static Instance<CommandHandler<?>> instanceOf(CommandHandler<?>... handlers) {
        Instance<CommandHandler<?>> instance = mock(Instance.class);
        when(instance.iterator()).thenAnswer(call -> List.of(handlers).iterator());
        return instance;
    }

    /** A handler that records what it got and answers (or fails) as told. */
    private static final class StubHandler<C extends Command> implements CommandHandler<C> {

        final Class<C> type;
        final Supplier<List<Outbound>> answer;
        final List<Command> received = new ArrayList<>();
        final List<ChatClient> clients = new ArrayList<>();

        StubHandler(Class<C> type, Supplier<List<Outbound>> answer) {
            this.type = type;
            this.answer = answer;
        }

        @Override
        public Class<C> commandType() {
            return type;
        }

        @Override
        public List<Outbound> handle(C command, ChatClient client) {
            received.add(command);
            clients.add(client);
            return answer.get();
        }
    }
}
