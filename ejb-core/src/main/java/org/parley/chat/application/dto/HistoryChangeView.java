package org.parley.chat.application.dto;

import java.time.Instant;

import org.parley.chat.domain.model.message.HistoryChange;

public record HistoryChangeView(
        String roomUri,
        HistoryChange.Kind kind,
        String actor,
        Instant changedAt,
        Long messageSeq,
        Instant clearedBefore,
        long messagesAffected,
        String oldTextSha256,
        String filter) {

    public static HistoryChangeView of(HistoryChange change) {
        return new HistoryChangeView(
                change.room().uri().toString(),
                change.kind(),
                change.actor().value(),
                change.changedAt(),
                change.messageSeq(),
                change.clearedBefore(),
                change.messagesAffected(),
                change.oldTextSha256(),
                change.filter());
    }
}
