package org.parley.web.rest.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.RetentionService;
import org.parley.chat.application.dto.RetentionView;
import org.parley.web.rest.security.Caller;

/**
 * History retention (off unless set; a category's and a room's days are set at admin/categories/{id}/retention and
 * admin/rooms/{id}/retention): what a run would clear now (the dry run), and a run now (the hourly timer's, on
 * demand).
 */
@Path("admin/retention")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRetentionResource {

    @Inject
    Caller caller;

    @Inject
    RetentionService retention;

    /** The dry run: every room with a retention, and how many messages a run would clear from it now. */
    @GET
    public List<RetentionView> preview() {
        return retention.preview(caller.uri());
    }

    /** A run now: the rooms it cleared, with how many messages each. */
    @POST
    @Path("run")
    public List<RetentionView> run() {
        return retention.run(caller.uri());
    }
}
