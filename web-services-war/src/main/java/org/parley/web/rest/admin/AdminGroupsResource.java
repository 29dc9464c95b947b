package org.parley.web.rest.admin;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.DirectoryService;
import org.parley.web.rest.rooms.PageJson;
import org.parley.web.rest.security.Caller;

/**
 * User groups, Parley's own directory groups: categories and rooms grant to {@code group:<name>}, so a
 * membership change here changes what every such grant admits. Groups are addressed by name.
 */
@Path("admin/groups")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminGroupsResource {

    @Inject
    Caller caller;

    @Inject
    DirectoryService directory;

    @Inject
    ChatConfiguration configuration;

    @GET
    public PageJson<GroupJson> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageJson.of(directory.groups().stream().map(GroupJson::of).toList(), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewGroupJson group, @Context UriInfo request) {
        GroupJson created = GroupJson.of(directory.createGroup(caller.uri(), group.name(), group.description()));
        return Response.created(
                        request.getAbsolutePathBuilder().segment(created.name()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{name}")
    public GroupJson get(@PathParam("name") String name) {
        return GroupJson.of(directory.findGroup(name));
    }

    /** Grants naming the group stay where they are and admit nobody until a group of that name exists again. */
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        directory.deleteGroup(caller.uri(), name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{user}")
    public GroupJson addMember(@PathParam("name") String name, @PathParam("user") String user) {
        return GroupJson.of(
                directory.addGroupMember(caller.uri(), name, AdminPaths.userUri(configuration.domain(), user)));
    }

    @DELETE
    @Path("{name}/members/{user}")
    public GroupJson removeMember(@PathParam("name") String name, @PathParam("user") String user) {
        return GroupJson.of(
                directory.removeGroupMember(caller.uri(), name, AdminPaths.userUri(configuration.domain(), user)));
    }
}
