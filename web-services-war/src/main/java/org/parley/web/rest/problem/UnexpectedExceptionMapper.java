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
import org.parley.web.access.AccessLog;

/**
 * Whatever no other mapper took. A refusal that reached the API wrapped (an EJB wraps what it does not know
 * as an application exception) is unwrapped and mapped as itself; anything else is the server's failure: 500
 * with a correlation id that is also in the log entry carrying the stack trace, and nothing of the failure's
 * internals in the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String TYPE = ChatExceptionMapper.TYPE_PREFIX + "internal-error";

    private static final String RUNTIME_FAILURE = "org.jboss.resteasy.spi.Failure";

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
                return webApplication(web);
            }
        }
        Response runtimeAnswer = runtimeFailure(exception);
        if (runtimeAnswer != null) {
            return runtimeAnswer;
        }
        String correlationId = UUID.randomUUID().toString();
        String path = request == null ? "?" : request.getRequestUri().getRawPath();
        LOG.log(Level.SEVERE, exception, () -> "request " + path + " failed, correlation id " + correlationId);
        Problem problem = Problems.problem(
                500,
                TYPE,
                "Internal server error",
                "The server could not carry out the request; quote correlation id " + correlationId
                        + " to its administrator",
                request,
                null);
        return Response.status(500)
                .header(AccessLog.CORRELATION_HEADER, correlationId)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        problem.instance(),
                        null,
                        correlationId))
                .build();
    }

    /**
     * RESTEasy's own Failures (an unreadable body, the default answer to OPTIONS) carry the response or status
     * the runtime meant; a mapper of every Throwable would otherwise turn them into 500s. Found by name, as this
     * module compiles against the Jakarta API only.
     */
    private Response runtimeFailure(Throwable exception) {
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (!type.getName().equals(RUNTIME_FAILURE)) {
                continue;
            }
            try {
                Response response = (Response) type.getMethod("getResponse").invoke(exception);
                if (response != null) {
                    return response.getStatus() < 400
                            ? response
                            : webApplication(new WebApplicationException(response));
                }
                int status = (Integer) type.getMethod("getErrorCode").invoke(exception);
                if (status >= 400 && status < 500) {
                    return webApplication(new WebApplicationException(status));
                }
            } catch (ReflectiveOperationException | ClassCastException e) {
                LOG.log(Level.FINE, "not the runtime failure expected", e);
            }
            return null;
        }
        return null;
    }

    private Response webApplication(WebApplicationException exception) {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        mapper.request = request;
        return mapper.toResponse(exception);
    }
}
