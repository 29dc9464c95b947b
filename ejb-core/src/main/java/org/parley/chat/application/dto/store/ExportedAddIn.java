package org.parley.chat.application.dto.store;

/** An add-in: a web page by name and URL that rooms may show. */
public record ExportedAddIn(String name, String url) {}
