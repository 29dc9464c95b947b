package org.parley.web.rest.admin;

import java.util.UUID;

import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.web.rest.security.Caller;

/** How administrator paths name rooms, categories and users, the same way the user API does. */
final class AdminPaths {

    /** A GUID; anything else is not a room or category path (404), as in the user API. */
    static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private AdminPaths() {}

    static String categoryUri(String domain, String id) {
        return new CategoryUri(domain, UUID.fromString(id)).toString();
    }

    /**
     * A user as a path segment: {@code sip:alice@contoso.com} (URL-encoded), or the web sign-in name
     * ({@code alice}, {@code alice@fabrikam.com}) so an administrator can paste what users log in with.
     */
    static String userUri(String domain, String user) {
        return Caller.sipUriOf(user, domain);
    }
}
