package org.parley.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.PolicyService;
import org.parley.web.rest.security.Caller;

/**
 * Who the caller is, as the page needs to know before it offers anything: their SIP URI and whether they
 * administer Persistent Chat. Administering takes both the web role (the admin API's gate) and the chat
 * service's administrator right (what every administrative service call checks), so the console is offered only
 * to whom it would work for.
 */
@Path("me")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    HttpServletRequest request;

    @Inject
    PolicyService policies;

    @GET
    public MeJson me() {
        String uri = caller.uri();
        boolean administrator = request.isUserInRole("chat-admin") && policies.isAdministrator(uri);
        return new MeJson(request.getUserPrincipal().getName(), uri, administrator);
    }

    public record MeJson(String user, String uri, boolean administrator) {}
}
