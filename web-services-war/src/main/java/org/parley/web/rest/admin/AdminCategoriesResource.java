package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.parley.chat.application.CategoryService;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.RetentionService;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.web.rest.Versions;
import org.parley.web.rest.categories.CategoryJson;
import org.parley.web.rest.security.Caller;

/**
 * Changes to categories (reading them is the user API's {@code /categories}). Settings replace a whole
 * representation, so they need the version read; a principal list entry is one idempotent change, so it
 * does not, as with room roles.
 */
@Path("admin/categories/{id: " + AdminPaths.GUID + "}")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCategoriesResource {

    private static final String LIST = "{list: allowed-members|denied-members|creators}";

    @Inject
    Caller caller;

    @Inject
    CategoryService categories;

    @Inject
    RetentionService retention;

    @Inject
    ChatConfiguration configuration;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CategorySettingsJson settings) {
        Long expected = Versions.expected(ifMatch);
        return withTag(categories.updateCategory(caller.uri(), categoryUri(id), settings.settings(), expected));
    }

    /**
     * Removes the category (Remove-CsPersistentChatCategory): an empty one, or one whose rooms move to the category
     * {@code moveRoomsTo} names (its id) in the same transaction. Not the Root category.
     */
    @DELETE
    public CategoryRemovalJson remove(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("moveRoomsTo") @Pattern(regexp = AdminPaths.GUID) String moveRoomsTo) {
        Long expected = Versions.expected(ifMatch);
        return new CategoryRemovalJson(categories.removeCategory(
                caller.uri(), categoryUri(id), moveRoomsTo == null ? null : categoryUri(moveRoomsTo), expected));
    }

    /** How long the category's rooms keep history (retention): days, or null for ever (the default). */
    @PUT
    @Path("retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public RetentionJson retention(@PathParam("id") String id, @Valid @NotNull RetentionJson days) {
        return new RetentionJson(retention.setCategoryRetention(caller.uri(), categoryUri(id), days.days()));
    }

    /** @param roomsMoved how many rooms moved to the category named by moveRoomsTo */
    public record CategoryRemovalJson(int roomsMoved) {}

    /** @param principal {@code sip:user@domain}, {@code group:name} or {@code domain:name}, URL-encoded */
    @PUT
    @Path(LIST + "/{principal}")
    public Response grant(
            @PathParam("id") String id, @PathParam("list") String list, @PathParam("principal") String principal) {
        return withTag(categories.grant(caller.uri(), categoryUri(id), role(list), principal));
    }

    @DELETE
    @Path(LIST + "/{principal}")
    public Response revoke(
            @PathParam("id") String id, @PathParam("list") String list, @PathParam("principal") String principal) {
        return withTag(categories.revoke(caller.uri(), categoryUri(id), role(list), principal));
    }

    private String categoryUri(String id) {
        return AdminPaths.categoryUri(configuration.domain(), id);
    }

    private static CategoryRole role(String list) {
        return switch (list) {
            case "allowed-members" -> CategoryRole.ALLOWED_MEMBER;
            case "denied-members" -> CategoryRole.DENIED_MEMBER;
            default -> CategoryRole.CREATOR;
        };
    }

    private static Response withTag(CategoryView category) {
        return Versions.tagged(CategoryJson.of(category), category.version());
    }
}
