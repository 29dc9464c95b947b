package org.parley.chat.application.dto.store;

import java.time.Instant;
import java.util.List;

/**
 * Principals in written form (sip:…, group:…, domain:…, ou:…), sorted.
 *
 * @param retentionDays how many days its rooms keep a message, or null for ever
 */
public record ExportedCategory(
        String uri,
        String name,
        String description,
        boolean invitationsAllowed,
        boolean fileUploadAllowed,
        boolean chatHistoryEnabled,
        Instant createdAt,
        List<String> allowedMembers,
        List<String> deniedMembers,
        List<String> creators,
        Integer retentionDays) {
    public ExportedCategory {
        allowedMembers = allowedMembers == null ? List.of() : List.copyOf(allowedMembers);
        deniedMembers = deniedMembers == null ? List.of() : List.copyOf(deniedMembers);
        creators = creators == null ? List.of() : List.copyOf(creators);
    }
}
