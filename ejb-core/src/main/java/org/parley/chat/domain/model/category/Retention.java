package org.parley.chat.domain.model.category;

import org.parley.chat.domain.shared.ChatException;

/** The bounds of a retention in days (a category's or a room's). */
public final class Retention {

    /** A hundred years: beyond is "for ever", said with no retention at all. */
    public static final int MAX_DAYS = 36_500;

    private Retention() {}

    /** @return the days, checked; null stays null */
    public static Integer days(Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw ChatException.invalid("a retention is 1 to " + MAX_DAYS + " days, not " + days);
        }
        return days;
    }
}
