package org.parley.web.rest.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.parley.chat.application.AddInService;
import org.parley.chat.application.dto.AddInView;
import org.parley.web.rest.security.Caller;

/**
 * Add-ins (New-, Set-, Remove-CsPersistentChatAddin): web pages a room's managers may put beside their room
 * ({@code PUT /rooms/{id}/addin}). Listing them is for every user (a manager picks one); changing them for
 * administrators.
 */
@Path("admin/addins")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAddInsResource {

    @Inject
    Caller caller;

    @Inject
    AddInService addIns;

    @GET
    @RolesAllowed({"user", "chat-admin"})
    public List<AddInView> list() {
        return addIns.addIns();
    }

    /** Registers the add-in, or gives the one of that name a new URL. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AddInView register(@PathParam("name") @Size(max = 128) String name, @Valid @NotNull AddInJson addIn) {
        return addIns.register(caller.uri(), name, addIn.url());
    }

    /** Removes it; the rooms that had it have none. */
    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name) {
        addIns.remove(caller.uri(), name);
        return Response.noContent().build();
    }

    /** @param url the page: an absolute http or https URL */
    public record AddInJson(@NotBlank @Size(max = 1024) String url) {}
}
