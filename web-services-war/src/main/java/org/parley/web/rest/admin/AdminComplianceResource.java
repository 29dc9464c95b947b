package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.compliance.application.ComplianceAdministration;

/**
 * The compliance service as an operator watches it: is the backlog draining, is an adapter failing, has
 * anything been lost to the dead-letter queue (a dead-lettered event is in no archive, which compliance
 * officers must hear about). HTTP only: {@link ComplianceAdministration} does the work.
 */
@Path("admin/compliance")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminComplianceResource {

    @EJB
    ComplianceAdministration compliance;

    @GET
    public ComplianceStatusJson status() {
        return ComplianceStatusJson.of(compliance.status());
    }

    /** Refused (409) while compliance is off or another node's run is under way. */
    @POST
    @Path("run")
    public ComplianceRunJson run() {
        return ComplianceRunJson.of(compliance.run());
    }
}
