package org.parley.chat.application.dto.store;

/** @param policy the user's own policy by name, or null for Global */
public record ExportedUser(String uri, boolean administrator, String policy) {}
