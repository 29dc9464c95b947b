package org.parley.chat.application.dto.store;

import java.time.Instant;
import java.util.List;

/**
 * A chat store as exported and imported (docs/export-format.md): format {@value #FORMAT}, version
 * {@value #VERSION}. On export the rooms come without messages here; the exporter streams them room by room.
 */
public record StoreDocument(
        String format,
        Integer version,
        Instant exportedAt,
        String domain,
        List<ExportedPolicy> policies,
        List<ExportedUser> users,
        List<ExportedGroup> groups,
        List<ExportedCategory> categories,
        List<ExportedRoom> rooms,
        List<ExportedAddIn> addIns) {

    public static final String FORMAT = "parley-chat-store";
    public static final int VERSION = 1;

    public StoreDocument {
        policies = policies == null ? List.of() : List.copyOf(policies);
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
        categories = categories == null ? List.of() : List.copyOf(categories);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        addIns = addIns == null ? List.of() : List.copyOf(addIns);
    }
}
