package org.parley.web.rest.problem;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An error body as RFC 9457 defines it ({@code application/problem+json}). {@code type} says what went wrong
 * in a form clients may branch on; {@code detail} is for the human reading it. Null members are left out.
 *
 * @param violations    the rejected inputs, for a request that failed validation
 * @param correlationId for a failure of the server's own: what its log entry is found by
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations", "correlationId"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        String correlationId) {

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param field where in the request, e.g. {@code create.room.name} or a query parameter */
    public record Violation(String field, String message) {}
}
