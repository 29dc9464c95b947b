package org.parley.web.rest.rooms;

import java.util.List;

/**
 * Messages of a room, oldest first (a history page) or newest first (search hits). A history page is a window on
 * the room's sequence, not a numbered page: the next one back is asked for with {@code before} = the first
 * item's {@code seq}, the next one forward with {@code after} = the last item's.
 */
public record MessagesJson(List<MessageJson> items) {}
