package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.ejb.EJBException;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.shared.ChatException;
import org.parley.xccos.Result;

/** The one mapping of failures to XCCOS and SIP answers: the server's own failures are logged there, once. */
class ChatErrorsTest {

    @Test
    void theServersFailureIsA500NamingTheCorrelationIdOfItsOneLogEntry() {
        IllegalStateException failure =
                new IllegalStateException("deadlock on chat_room at jdbc:postgresql://db/parley");

        Result result;
        List<LogRecord> logged;
        try (LogCapture log = LogCapture.of(ChatErrors.class.getName())) {
            result = ChatErrors.toResult(new EJBException(failure), () -> "grpchat to room X from " + Fixtures.ALICE);
            logged = log.records();
        }

        assertThat(result.code()).isEqualTo(500);
        assertThat(result.text()).doesNotContain("jdbc").doesNotContain("deadlock");
        String correlationId = LogCapture.correlationId(result.text());
        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(entry.getThrown()).isInstanceOf(EJBException.class).hasCause(failure);
            assertThat(entry.getMessage()).contains(correlationId).contains("grpchat to room X from " + Fixtures.ALICE);
        });
    }

    @Test
    void eachFailureGetsItsOwnCorrelationId() {
        try (LogCapture log = LogCapture.of(ChatErrors.class.getName())) {
            String first = ChatErrors.toResult(new IllegalStateException("one"), () -> "a")
                    .text();
            String second = ChatErrors.toResult(new IllegalStateException("two"), () -> "b")
                    .text();
            assertThat(LogCapture.correlationId(first)).isNotEqualTo(LogCapture.correlationId(second));
            assertThat(log.records()).hasSize(2);
        }
    }

    /** Refusals are the client's business, answered with their own code and not logged as failures. */
    @Test
    void refusalsAreNotLogged() {
        try (LogCapture log = LogCapture.of(ChatErrors.class.getName())) {
            assertThat(ChatErrors.toResult(ChatException.forbidden("join the room first"), () -> "grpchat"))
                    .isEqualTo(new Result(403, "join the room first"));
            assertThat(log.records()).isEmpty();
        }
    }
}
