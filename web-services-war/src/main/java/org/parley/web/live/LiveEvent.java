package org.parley.web.live;

/**
 * One server-sent event, written once and sent to every stream that wants it.
 *
 * @param id   the event's id ({@code <room guid>:<seq>} for a post, what a reconnecting client resumes from), or null
 * @param name the event's type ({@code post}, {@code room}, {@code closed})
 * @param data its JSON text
 * @param seq  for a post its sequence number in the room (the stream's order guard), otherwise 0
 */
record LiveEvent(String id, String name, String data, long seq) {}
