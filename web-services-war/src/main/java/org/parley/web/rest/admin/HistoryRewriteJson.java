package org.parley.web.rest.admin;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Which messages a bulk removal or replacement takes (Remove-CsPersistentChatMessage); at least one criterion.
 *
 * @param rooms        room ids; none: every room
 * @param author       the author's SIP URI
 * @param from         posted at or after (ISO-8601)
 * @param to           posted before
 * @param textContains a text the message contains, any case
 * @param dryRun       count only, change nothing
 * @param text         for a replacement: the text the messages get
 */
public record HistoryRewriteJson(
        @Size(max = 1000) List<@Pattern(regexp = AdminPaths.GUID) String> rooms,
        @Size(max = 256) String author,
        Instant from,
        Instant to,
        @Size(max = 256) String textContains,
        boolean dryRun,
        String text) {}
