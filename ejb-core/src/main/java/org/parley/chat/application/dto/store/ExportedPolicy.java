package org.parley.chat.application.dto.store;

public record ExportedPolicy(String name, boolean chatEnabled) {}
