package org.parley.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.shared.ChatException;

class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    {
        mapper.request = ChatExceptionMapperTest.requestTo("http://localhost:8080/parley/api/v1/rooms");
    }

    /** The log has the stack trace and the id; the response has the id and nothing of the failure. */
    @Test
    void anUnexpectedFailureIs500WithACorrelationIdAndNoInternals() {
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        try {
            Response response = mapper.toResponse(new IllegalStateException("secret table chat_room is on fire"));

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.getMediaType()).hasToString("application/problem+json");
            Problem problem = (Problem) response.getEntity();
            assertThat(problem.type()).isEqualTo("urn:parley:problem:internal-error");
            assertThat(problem.correlationId()).matches("[0-9a-f-]{36}");
            assertThat(problem.detail()).contains(problem.correlationId()).doesNotContain("fire", "IllegalState");
            assertThat(problem.instance()).isEqualTo("/parley/api/v1/rooms");
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).getThrown()).hasMessageContaining("fire");
            assertThat(logged.get(0).getMessage()).contains(problem.correlationId());
            assertThat(response.getHeaderString("Parley-Correlation-Id"))
                    .as("for the access log")
                    .isEqualTo(problem.correlationId());
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void aWrappedRefusalIsMappedAsItself() {
        Response response = mapper.toResponse(new EJBException(ChatException.notFound("no room x")));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("no room x");
    }

    @Test
    void aWrappedConstraintViolationIs400() {
        Response response = mapper.toResponse(new EJBException(new ConstraintViolationException("bad", Set.of())));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:parley:problem:constraint-violation");
    }

    /** RESTEasy's own failures keep the status or answer the runtime meant. */
    @Test
    void theRuntimesOwnFailuresKeepTheirMeaning() {
        Response unreadable = mapper.toResponse(new org.jboss.resteasy.spi.ReaderException("no JSON", 400));
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(unreadable.getMediaType()).hasToString("application/problem+json");

        Response options = mapper.toResponse(new org.jboss.resteasy.spi.DefaultOptionsMethodException(
                "OPTIONS", Response.ok().header("Allow", "GET, PUT").build()));
        assertThat(options.getStatus()).isEqualTo(200);
        assertThat(options.getHeaderString("Allow")).isEqualTo("GET, PUT");

        Response broken = mapper.toResponse(new org.jboss.resteasy.spi.WriterException("the writer broke", 500));
        assertThat(broken.getStatus()).isEqualTo(500);
        assertThat(((Problem) broken.getEntity()).correlationId()).isNotNull();
    }

    /** Each failure its own id, so two reports are not confused. */
    @Test
    void everyFailureGetsItsOwnId() {
        Problem first = (Problem) mapper.toResponse(new RuntimeException()).getEntity();
        Problem second = (Problem) mapper.toResponse(new RuntimeException()).getEntity();

        assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
    }
}
