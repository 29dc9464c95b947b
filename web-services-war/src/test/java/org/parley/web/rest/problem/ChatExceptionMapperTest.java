package org.parley.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;

class ChatExceptionMapperTest {

    private static final Map<Reason, Integer> STATUS = Map.of(
            Reason.NOT_FOUND, 404,
            Reason.FORBIDDEN, 403,
            Reason.ROOM_DISABLED, 403,
            Reason.DISABLED_BY_POLICY, 403,
            Reason.CONFLICT, 409,
            Reason.STALE_VERSION, 412,
            Reason.INVALID, 400,
            Reason.TOO_LARGE, 413);

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasItsStatusAndAProblemBody(Reason reason) {
        ChatExceptionMapper mapper = new ChatExceptionMapper();
        mapper.request = requestTo("http://localhost:8080/parley/api/v1/rooms/42?x=1");

        Response response = mapper.toResponse(new ChatException(reason, "what happened"));

        assertThat(response.getStatus()).isEqualTo(STATUS.get(reason));
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.status()).isEqualTo(response.getStatus());
        assertThat(problem.type()).startsWith("urn:parley:problem:");
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).isEqualTo("what happened");
        assertThat(problem.instance()).isEqualTo("/parley/api/v1/rooms/42");
        assertThat(problem.violations()).isNull();
    }

    @Test
    void theTypeNamesTheReasonSoRefusalsSharingAStatusDiffer() {
        assertThat(ChatExceptionMapper.type(Reason.DISABLED_BY_POLICY))
                .isEqualTo("urn:parley:problem:disabled-by-policy");
        assertThat(ChatExceptionMapper.type(Reason.ROOM_DISABLED)).isEqualTo("urn:parley:problem:room-disabled");
        assertThat(ChatExceptionMapper.type(Reason.FORBIDDEN)).isEqualTo("urn:parley:problem:forbidden");
    }

    static UriInfo requestTo(String uri) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return URI.create(uri);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
