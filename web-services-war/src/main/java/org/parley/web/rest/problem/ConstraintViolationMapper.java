package org.parley.web.rest.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation on request bodies and parameters: 400, listing every rejected input. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    static final String TYPE = ChatExceptionMapper.TYPE_PREFIX + "constraint-violation";

    @Context
    UriInfo request;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return Problems.response(400, TYPE, "Invalid request", "the request has invalid values", request, violations);
    }

    /** The property path without the Java method name: {@code name}, {@code size}, {@code room.name}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int methodEnd = path.indexOf('.');
        return methodEnd < 0 ? path : path.substring(methodEnd + 1);
    }
}
