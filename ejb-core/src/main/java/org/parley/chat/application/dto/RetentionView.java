package org.parley.chat.application.dto;

import java.time.Instant;

/**
 * A room that keeps history for a limited time, and what its retention takes now (a preview) or took (a run).
 *
 * @param days     how long the room keeps a message (its own retention, or its category's)
 * @param cutoff   messages stored before this go
 * @param messages how many go (preview) or went (run)
 */
public record RetentionView(String roomUri, String roomName, int days, Instant cutoff, long messages) {
}
