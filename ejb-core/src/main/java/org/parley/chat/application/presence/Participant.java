package org.parley.chat.application.presence;

/**
 * Someone online in a room: a user through one client session. A user signed in from two clients
 * is two participants, each receiving the room's messages.
 *
 * @param sessionId the client session's id, unique in the pool (a SIP dialog's id, or a web session's)
 */
public record Participant(String userUri, String sessionId) {

    /** How a web client's session id starts ({@code web:<uuid>}); a SIP session's id is its dialog's. */
    public static final String WEB_SESSION = "web:";

    /** Whether the session is a web client's, which the SIP side has nothing to send to. */
    public static boolean isWebSession(String sessionId) {
        return sessionId.startsWith(WEB_SESSION);
    }
}
