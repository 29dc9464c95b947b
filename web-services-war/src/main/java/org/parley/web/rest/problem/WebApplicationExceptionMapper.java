package org.parley.web.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method or media type, unreadable JSON, a role
 * missing for @RolesAllowed) in the API's problem format, with their status and headers kept. A text the
 * runtime put in the body becomes the detail. A response that is no error (a redirect) is passed on as it is.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.getStatus() < 400) {
            return response;
        }
        Response.StatusType status = response.getStatusInfo();
        String detail = response.getEntity() instanceof String text ? text : exception.getMessage();
        // fromResponse keeps the headers the status needs: Allow on 405, WWW-Authenticate on 401.
        return Response.fromResponse(response)
                .type(Problem.MEDIA_TYPE)
                .entity(Problems.problem(
                        status.getStatusCode(), "about:blank", status.getReasonPhrase(), detail, request, null))
                .build();
    }
}
