package org.parley.web.rest.rooms;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.parley.chat.application.dto.MessageView;

/**
 * A message of a room's history, as the web services show it.
 *
 * @param seq        its place in the room's order (1, 2, ...), the same number SIP clients see as the message id
 * @param clientTime the time the author's client put on it, if it put one
 * @param stored     false only in the answer to a post into a room whose category keeps no history: the post was
 *                   delivered to the people in the room and numbered, but not kept
 */
@JsonbPropertyOrder({"seq", "author", "text", "serverTime", "clientTime", "stored"})
public record MessageJson(
        long seq, String author, String text, Instant serverTime, Instant clientTime, boolean stored) {

    static MessageJson of(MessageView message) {
        return of(message, true);
    }

    static MessageJson of(MessageView message, boolean stored) {
        return new MessageJson(
                message.seq(), message.author(), message.text(), message.serverTime(), message.clientTime(), stored);
    }
}
