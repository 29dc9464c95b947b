package org.parley.chat.infrastructure.configuration;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.parley.chat.application.ChatConfiguration;

/** What the services take from the server they run in: the settings and the time. */
@ApplicationScoped
public class ChatEnvironment {

    @Produces
    public ChatConfiguration configuration() {
        return ChatConfiguration.from(System.getProperties());
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
