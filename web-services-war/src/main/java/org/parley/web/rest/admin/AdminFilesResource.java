package org.parley.web.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.PolicyService;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.files.FileStoreJanitor;
import org.parley.web.rest.security.Caller;

/** The file store's clean-up, run now rather than at the timer's next turn (e.g. right after a history clear). */
@Path("admin/files")
@RequestScoped
@RolesAllowed("chat-admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFilesResource {

    @Inject
    Caller caller;

    @Inject
    PolicyService policies;

    @Inject
    FileStoreJanitor janitor;

    /** Same rules as the timer: bytes younger than the grace period stay, even if nothing names them. */
    @POST
    @Path("cleanup")
    public FileStoreJanitor.Result cleanup() {
        if (!policies.isAdministrator(caller.uri())) {
            throw ChatException.forbidden("only a Persistent Chat administrator may clean up the file store");
        }
        return janitor.collect();
    }
}
