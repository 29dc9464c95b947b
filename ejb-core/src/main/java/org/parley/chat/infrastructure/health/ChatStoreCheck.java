package org.parley.chat.infrastructure.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.ParleyChecks;

/**
 * Readiness probe ({@link ParleyChecks#CHAT_STORE}): the chat store answers (a connection from its pool, validated
 * by the driver within {@link #TIMEOUT_SECONDS} s). Without it a node stores no post, so it must take none.
 */
@ApplicationScoped
public class ChatStoreCheck implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/ParleyChatDS")
    DataSource chatStore;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(ParleyChecks.CHAT_STORE);
        String state = probe(chatStore, TIMEOUT_SECONDS);
        return response.withData("state", state)
                .status("reachable".equals(state))
                .build();
    }

    /** "reachable", or why not. */
    public static String probe(DataSource store, int timeoutSeconds) {
        try (Connection connection = store.getConnection()) {
            return connection.isValid(timeoutSeconds) ? "reachable" : "connection not valid";
        } catch (SQLException | RuntimeException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
