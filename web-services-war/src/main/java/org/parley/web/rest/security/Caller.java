package org.parley.web.rest.security;

import java.security.Principal;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.domain.model.user.SipUri;

/**
 * The authenticated user of this request as the chat services know users: by SIP URI. The services decide
 * every permission (administrator or not included) from that URI, so the web layer passes it and nothing else.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    @Inject
    ChatConfiguration configuration;

    private String uri;

    public boolean authenticated() {
        return request.getUserPrincipal() != null;
    }

    public String uri() {
        if (uri == null) {
            Principal principal = request.getUserPrincipal();
            if (principal == null) {
                throw new NotAuthorizedException("Basic realm=\"Parley\"");
            }
            uri = sipUriOf(principal.getName(), configuration.domain());
        }
        return uri;
    }

    /**
     * A bare name belongs to the served domain; a UPN ({@code alice@fabrikam.com}, what LDAP and OIDC
     * providers usually give) or a full SIP URI keeps its own domain.
     */
    public static String sipUriOf(String userName, String domain) {
        String name = userName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return SipUri.parse(name).value();
        }
        return SipUri.parse(name.contains("@") ? "sip:" + name : "sip:" + name + "@" + domain)
                .value();
    }
}
