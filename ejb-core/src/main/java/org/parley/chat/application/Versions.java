package org.parley.chat.application;

import org.parley.chat.domain.shared.ChatException;

/** The If-Match check: JPA's own version check only sees edits that overlap in time, not a stale read. */
final class Versions {

    private Versions() {}

    static void require(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new ChatException(
                    ChatException.Reason.STALE_VERSION,
                    "version " + expected + " was read, the stored one is " + actual);
        }
    }
}
