package org.parley.chat.application.dto;

import java.time.Instant;

import org.parley.chat.domain.model.message.Message;

public record MessageView(
        String roomUri, long seq, String author, String text, Instant clientTime, Instant serverTime) {

    public static MessageView of(Message message) {
        return new MessageView(
                message.room().uri().toString(),
                message.seq(),
                message.author().value(),
                message.text(),
                message.clientTime(),
                message.serverTime());
    }
}
