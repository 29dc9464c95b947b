package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.dto.PoolView;
import org.parley.chat.application.presence.PoolPresence;

/**
 * The pool as the node asked sees it (README "Pool"): the nodes of its cluster view, whether each has described
 * its presence, and its participants and sessions in rooms. Any node answers for the whole pool; a node that
 * disagrees with the others about who is in the view is one side of a partition.
 */
@Path("admin/pool")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPoolResource {

    @Inject
    PoolPresence pool;

    @GET
    public PoolView pool() {
        return pool.view();
    }
}
