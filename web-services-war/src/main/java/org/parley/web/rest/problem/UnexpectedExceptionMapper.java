package org.parley.web.rest.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.parley.chat.domain.shared.ChatException;

/**
 * Whatever no other mapper took. A refusal that reached the API wrapped (an EJB wraps what it does not know
 * as an application exception) is unwrapped and mapped as itself; anything else is the server's failure: 500
 * with a correlation id that is also in the log entry carrying the stack trace, and nothing of the failure's
 * internals in the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String TYPE = ChatExceptionMapper.TYPE_PREFIX + "internal-error";

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo request;

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ChatException chat) {
                ChatExceptionMapper mapper = new ChatExceptionMapper();
                mapper.request = request;
                return mapper.toResponse(chat);
            }
            if (cause instanceof ConstraintViolationException violation) {
                ConstraintViolationMapper mapper = new ConstraintViolationMapper();
                mapper.request = request;
                return mapper.toResponse(violation);
            }
            if (cause instanceof WebApplicationException web) {
                WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
                mapper.request = request;
                return mapper.toResponse(web);
            }
        }
        String correlationId = UUID.randomUUID().toString();
        String path = request == null ? "?" : request.getRequestUri().getRawPath();
        LOG.log(Level.SEVERE, exception, () -> "request " + path + " failed, correlation id " + correlationId);
        Problem problem = Problems.problem(500, TYPE, "Internal server error",
                "The server could not carry out the request; quote correlation id " + correlationId
                        + " to its administrator", request, null);
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                        problem.instance(), null, correlationId))
                .build();
    }
}
