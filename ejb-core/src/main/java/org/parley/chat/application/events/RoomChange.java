package org.parley.chat.application.events;

/**
 * What the people in a room are shown of it may have changed (its name, description, topic, privacy, type,
 * invitation, file and history switches, add-in): the chat nodes tell their participants in it the room as it is
 * now. Names only (URIs), never node-local objects, so that any node of a pool can act on it; the nodes read the
 * room as committed. The scope is the narrowest the change allows:
 *
 * <ul>
 *   <li>a room ({@code roomUri}): its settings, category or add-in changed;</li>
 *   <li>a category ({@code categoryUri}): its settings changed, and with them the switches of all its rooms.</li>
 * </ul>
 *
 * Who may no longer read the room is not this event's business: an {@link AccessChange} takes them out.
 */
public record RoomChange(String roomUri, String categoryUri) {

    public RoomChange {
        if ((roomUri == null) == (categoryUri == null)) {
            throw new IllegalArgumentException("a room change names a room or a category");
        }
    }

    public static RoomChange ofRoom(String roomUri) {
        return new RoomChange(roomUri, null);
    }

    public static RoomChange ofCategory(String categoryUri) {
        return new RoomChange(null, categoryUri);
    }
}
