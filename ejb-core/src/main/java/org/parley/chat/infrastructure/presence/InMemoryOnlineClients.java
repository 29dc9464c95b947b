package org.parley.chat.infrastructure.presence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.presence.OnlineClients;

/** {@link OnlineClients} for one node. */
@ApplicationScoped
public class InMemoryOnlineClients implements OnlineClients {

    private final Map<String, Set<String>> sessionsByUser = new ConcurrentHashMap<>();

    @Override
    public void connected(String userUri, String sessionId) {
        sessionsByUser
                .computeIfAbsent(userUri, k -> ConcurrentHashMap.newKeySet())
                .add(sessionId);
    }

    @Override
    public void disconnected(String userUri, String sessionId) {
        sessionsByUser.computeIfPresent(userUri, (k, sessions) -> {
            sessions.remove(sessionId);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    @Override
    public Set<String> sessionsOf(String userUri) {
        Set<String> sessions = sessionsByUser.get(userUri);
        return sessions == null ? Set.of() : Set.copyOf(sessions);
    }
}
