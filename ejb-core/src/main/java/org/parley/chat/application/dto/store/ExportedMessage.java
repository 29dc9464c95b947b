package org.parley.chat.application.dto.store;

import java.time.Instant;

/** @param clientTime what the author's client said, or null */
public record ExportedMessage(long seq, String author, String text, Instant clientTime, Instant serverTime) {}
