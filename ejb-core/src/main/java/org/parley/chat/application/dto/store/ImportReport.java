package org.parley.chat.application.dto.store;

/** What an import added; {@code kept} counts what the document named and the store already had. */
public record ImportReport(int policies, int users, int groups, int categories, int rooms, long messages, int kept) {
}
