package org.parley.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class WebApplicationExceptionMapperTest {

    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    {
        mapper.request = ChatExceptionMapperTest.requestTo("http://localhost/parley/api/v1/rooms");
    }

    @Test
    void keepsTheStatusAndTheHeadersItNeeds() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("POST");
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.title()).isEqualTo("Method Not Allowed");
        assertThat(problem.status()).isEqualTo(405);
        assertThat(problem.instance()).isEqualTo("/parley/api/v1/rooms");
    }

    @Test
    void preconditionRequiredHasItsTitle() {
        Response response = mapper.toResponse(new WebApplicationException("send If-Match", 428));

        assertThat(response.getStatus()).isEqualTo(428);
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Precondition Required");
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("send If-Match");
    }

    @Test
    void aTextTheRuntimePutInTheBodyBecomesTheDetail() {
        Response forbidden = Response.status(403)
                .entity("Access forbidden: role not allowed")
                .type("text/plain")
                .build();

        Response response = mapper.toResponse(new WebApplicationException(forbidden));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("Access forbidden: role not allowed");
    }

    @Test
    void passesOnWhatIsNoError() {
        Response redirect =
                Response.status(303).header("Location", "/elsewhere").build();

        assertThat(mapper.toResponse(new WebApplicationException(redirect))).isSameAs(redirect);
    }
}
