package org.parley.web.rest.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the problem responses of the exception mappers, so every error of the API has the same shape. */
final class Problems {

    private Problems() {}

    static Problem problem(
            int status, String type, String title, String detail, UriInfo request, List<Problem.Violation> violations) {
        String instance = request == null ? null : request.getRequestUri().getRawPath();
        return new Problem(type, title, status, detail, instance, violations);
    }

    static Response response(
            int status, String type, String title, String detail, UriInfo request, List<Problem.Violation> violations) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, type, title, detail, request, violations))
                .build();
    }
}
