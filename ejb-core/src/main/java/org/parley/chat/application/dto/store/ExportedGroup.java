package org.parley.chat.application.dto.store;

import java.util.List;

/** @param members SIP URIs, sorted */
public record ExportedGroup(String name, String description, List<String> members) {
    public ExportedGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
