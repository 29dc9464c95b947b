package org.parley.chat.application.dto;

/**
 * A message accepted for delivery.
 *
 * @param stored false when the room's category has chat history off: the message is delivered to the
 *               members present and numbered, but not kept
 */
public record PostedMessage(MessageView message, boolean stored) {}
