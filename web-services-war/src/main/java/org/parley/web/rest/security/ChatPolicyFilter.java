package org.parley.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.parley.chat.application.PolicyService;
import org.parley.chat.domain.shared.ChatException;

/**
 * Refuses every call of a user whose chat policy disables Persistent Chat, also calls that only read (the
 * services check the policy where they change or join, not on every listing). Administrators pass, as in
 * the services: they must be able to administer, e.g. switch their own policy back on.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class ChatPolicyFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Inject
    PolicyService policies;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.authenticated()) {
            return;
        }
        String uri = caller.uri();
        if (!policies.isEnabled(uri) && !policies.isAdministrator(uri)) {
            throw new ChatException(
                    ChatException.Reason.DISABLED_BY_POLICY, "Persistent Chat is not enabled for " + uri);
        }
    }
}
