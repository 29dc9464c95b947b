package org.parley.chat.application.presence;

/**
 * Someone online in a room: a user through one client session. A user signed in from two clients
 * is two participants, each receiving the room's messages.
 *
 * @param sessionId the client session's id, unique in the pool (the transport's dialog id)
 */
public record Participant(String userUri, String sessionId) {
}
