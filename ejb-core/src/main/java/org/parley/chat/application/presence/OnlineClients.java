package org.parley.chat.application.presence;

import java.util.Set;

/**
 * Which client sessions each signed-in user has, whether or not they are in a room: the audience
 * of notices about rooms a user follows but is not in. Like {@link RoomPresence}, one node keeps it
 * in memory and a pool shares it.
 */
public interface OnlineClients {

    void connected(String userUri, String sessionId);

    void disconnected(String userUri, String sessionId);

    Set<String> sessionsOf(String userUri);
}
