package org.parley.chat.application.events;

/**
 * Who may read which room may have changed: the chat nodes must re-check, against the read rule, the online
 * participants it concerns and evict those who may no longer read. Names only (URIs), never node-local
 * objects, so that any node of a pool can act on it. The scope is the narrowest the change allows:
 *
 * <ul>
 *   <li>a room ({@code roomUri}): its privacy, role lists, category or disabled flag changed;</li>
 *   <li>a category ({@code categoryUri}): its member lists or settings changed, so all its rooms;</li>
 *   <li>a user ({@code userUri}): their policy, administrator flag or groups changed, so all their sessions;</li>
 *   <li>everyone (all null): a policy many users share (Global, a named one) changed, or a group went.</li>
 * </ul>
 */
public record AccessChange(String roomUri, String categoryUri, String userUri) {

    public static AccessChange ofRoom(String roomUri) {
        return new AccessChange(roomUri, null, null);
    }

    public static AccessChange ofCategory(String categoryUri) {
        return new AccessChange(null, categoryUri, null);
    }

    public static AccessChange ofUser(String userUri) {
        return new AccessChange(null, null, userUri);
    }

    public static AccessChange ofEveryone() {
        return new AccessChange(null, null, null);
    }
}
