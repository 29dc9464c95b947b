package org.parley.web.rest.categories;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.parley.chat.application.CategoryService;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.web.rest.Versions;
import org.parley.web.rest.rooms.PageJson;
import org.parley.web.rest.security.Caller;

/**
 * Categories: every user may list them (to pick one for a new room), but only Persistent Chat administrators
 * see whom each allows, denies and lets create rooms (the category service decides); creating one takes the
 * chat-admin role here and, in the category service, a Persistent Chat administrator.
 */
@Path("categories")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    private static final String ID =
            "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    Caller caller;

    @Inject
    CategoryService categories;

    @Inject
    ChatConfiguration configuration;

    @GET
    public PageJson<CategoryJson> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageJson.of(
                categories.categories(caller.uri()).stream()
                        .map(CategoryJson::of)
                        .toList(),
                page,
                size);
    }

    @GET
    @Path(ID)
    public Response get(@PathParam("id") String id) {
        CategoryView category =
                categories.find(caller.uri(), new CategoryUri(configuration.domain(), UUID.fromString(id)).toString());
        return Versions.tagged(CategoryJson.of(category), category.version());
    }

    @POST
    @RolesAllowed("chat-admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewCategoryJson category, @Context UriInfo request) {
        CategoryView created = categories.createCategory(caller.uri(), category.newCategory());
        CategoryJson json = CategoryJson.of(created);
        return Versions.created(request, json.id(), json, created.version());
    }
}
