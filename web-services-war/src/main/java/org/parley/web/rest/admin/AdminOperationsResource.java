package org.parley.web.rest.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.health.HealthProbes;
import org.parley.health.ParleyChecks;

/**
 * The node's key figures and Parley's health checks now, for the admin console's live view (operations.html): the
 * same meters Prometheus scrapes from the management interface, read here so that an administrator sees them
 * through the web services without access to that interface. Totals and bucket counts, not rates: the page
 * computes rates and percentiles between two readings.
 */
@Path("admin/operations")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminOperationsResource {

    /** A health check as the live view shows it. */
    public record Check(String name, String status) {}

    /** The figures of {@link ParleyMeters#figures()} and the checks of {@link ParleyChecks}. */
    public record Operations(ParleyMeters.Figures figures, List<Check> checks) {}

    @Inject
    ParleyMeters meters;

    @Inject
    HealthProbes probes;

    @GET
    public Operations now() {
        List<Check> checks = ParleyChecks.ALL.stream()
                .map(probes::call)
                .map(response -> new Check(
                        response.getName(), response.getStatus() == HealthCheckResponse.Status.UP ? "UP" : "DOWN"))
                .toList();
        return new Operations(meters.figures(), checks);
    }
}
