package org.parley.web.rest.admin;

import java.time.Instant;

import org.parley.chat.application.dto.HistoryChangeView;

/**
 * One rewrite of a room's history, kept as its audit trail. The old text is never shown again, only its
 * SHA-256, so the record can prove what was there without keeping what an administrator removed.
 *
 * @param kind             CLEARED_BEFORE, REMOVED, REPLACED, or (bulk, by a filter) REMOVED_MATCHING, REPLACED_MATCHING
 * @param messageSeq       the message removed or replaced; null for a clear
 * @param clearedBefore    the cut-off of a clear; null otherwise
 * @param messagesAffected how many messages the change deleted or rewrote
 * @param filter           a bulk change's filter, in words; null otherwise
 */
public record HistoryChangeJson(
        String roomUri,
        String kind,
        String actor,
        Instant changedAt,
        Long messageSeq,
        Instant clearedBefore,
        long messagesAffected,
        String oldTextSha256,
        String filter) {

    static HistoryChangeJson of(HistoryChangeView change) {
        return new HistoryChangeJson(
                change.roomUri(),
                change.kind().name(),
                change.actor(),
                change.changedAt(),
                change.messageSeq(),
                change.clearedBefore(),
                change.messagesAffected(),
                change.oldTextSha256(),
                change.filter());
    }
}
