package org.parley.web.rest.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.PolicyService;
import org.parley.web.rest.rooms.PageJson;
import org.parley.web.rest.security.Caller;

/**
 * Chat policies and who they apply to. Policies carry no version: each change replaces one switch, so a
 * lost update has nothing to lose.
 */
@Path("admin")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPoliciesResource {

    @Inject
    Caller caller;

    @Inject
    PolicyService policies;

    @Inject
    ChatConfiguration configuration;

    @GET
    @Path("policies")
    public PageJson<PolicyJson> policies(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageJson.of(policies.policies().stream().map(PolicyJson::of).toList(), page, size);
    }

    @PUT
    @Path("policies/global")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyJson global(@Valid @NotNull PolicySwitchJson change) {
        return PolicyJson.of(policies.setGlobalEnabled(caller.uri(), change.chatEnabled()));
    }

    /** Creates the policy or changes the one of that name. */
    @PUT
    @Path("policies/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyJson define(@PathParam("name") String name, @Valid @NotNull PolicySwitchJson change) {
        return PolicyJson.of(policies.definePolicy(caller.uri(), name, change.chatEnabled()));
    }

    /** Remove-CsPersistentChatPolicy: the users it was assigned to fall back to Global (not removable). */
    @DELETE
    @Path("policies/{name}")
    public PolicyRemovalJson remove(@PathParam("name") String name) {
        return new PolicyRemovalJson(policies.removePolicy(caller.uri(), name));
    }

    /** @param usersBackOnGlobal how many users the removed policy was assigned to */
    /** Who has the policy (policies and who has them, as the console lists them). */
    @GET
    @Path("policies/{name}/users")
    public List<String> users(@PathParam("name") String name) {
        return policies.usersOf(caller.uri(), name);
    }

    public record PolicyRemovalJson(int usersBackOnGlobal) {}

    /** The Persistent Chat administrators the store keeps (those of the directory's group are not listed). */
    @GET
    @Path("administrators")
    public List<String> administrators() {
        return policies.administrators();
    }

    /** Grants the Persistent Chat administrator right. */
    @PUT
    @Path("administrators/{user}")
    public AdminUserJson grantAdministrator(@PathParam("user") String user) {
        return administrator(user, true);
    }

    /** Revokes it; not from the last administrator (409). One of parley.chat.administrators gets it back at a start. */
    @DELETE
    @Path("administrators/{user}")
    public AdminUserJson revokeAdministrator(@PathParam("user") String user) {
        return administrator(user, false);
    }

    @GET
    @Path("users/{user}")
    public AdminUserJson user(@PathParam("user") String user) {
        return view(AdminPaths.userUri(configuration.domain(), user));
    }

    @PUT
    @Path("users/{user}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminUserJson assign(@PathParam("user") String user, @Valid @NotNull PolicyAssignmentJson assignment) {
        String uri = AdminPaths.userUri(configuration.domain(), user);
        String policy = assignment.policy() == null || assignment.policy().isBlank() ? null : assignment.policy();
        policies.assignPolicy(caller.uri(), uri, policy);
        return view(uri);
    }

    private AdminUserJson administrator(String user, boolean administrator) {
        String uri = AdminPaths.userUri(configuration.domain(), user);
        policies.setAdministrator(caller.uri(), uri, administrator);
        return view(uri);
    }

    private AdminUserJson view(String uri) {
        return new AdminUserJson(uri, PolicyJson.of(policies.policyOf(uri)), policies.isAdministrator(uri));
    }
}
