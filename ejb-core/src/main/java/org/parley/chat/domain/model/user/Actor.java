package org.parley.chat.domain.model.user;

import org.parley.chat.domain.shared.ChatException;

/**
 * The user on whose behalf a command runs. Persistent Chat administrators may change anything; every
 * other right comes from categories and rooms.
 */
public record Actor(Subject subject, boolean administrator) {

    public static Actor user(Subject subject) {
        return new Actor(subject, false);
    }

    public static Actor administrator(Subject subject) {
        return new Actor(subject, true);
    }

    public SipUri uri() {
        return subject.uri();
    }

    public void requireAdministrator(String action) {
        if (!administrator) {
            throw ChatException.forbidden("only a Persistent Chat administrator may " + action);
        }
    }
}
