package org.parley.web.rest.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.domain.shared.ChatException;
import org.parley.web.live.LiveStreams;
import org.parley.web.rest.security.Caller;

/**
 * The live events of rooms, as server-sent events (docs/web-chat.md says why not WebSocket: the same BASIC
 * credentials as every call, one-way traffic, resume built in). A web client names the rooms it watches and, when it
 * reconnects, the last post it has of each ({@code after=<room>:<seq>}, or the standard {@code Last-Event-ID} for
 * one room); it first gets what it missed, then every post as it is stored, in each room's order, never twice.
 *
 * <p>The client is a participant of the rooms while its stream is open, and for a grace after (a reconnecting client
 * names its {@code session} and stays the same participant). Events: {@code session} (its id, first), {@code post}
 * (id {@code <room>:<seq>}; room, roomUri, seq, author, text, serverTime, clientTime), {@code entered} and
 * {@code left} (someone else entered or left the room: room, roomUri, user, manager), {@code room} (the room
 * changed: read it again), {@code closed} (the caller may no longer read the room: nothing more of it comes). Every room must be one the caller may read, or no stream starts (403, 404 as problem+json).
 */
@Path("chat/events")
@RequestScoped
@RolesAllowed("user")
public class ChatEventsResource {

    /** Enough for a Lync user's followed rooms (they follow many by design); each room costs a stream nothing. */
    static final int MAX_ROOMS = 500;

    private static final Pattern RESUME = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}):([0-9]{1,18})");

    @Inject
    Caller caller;

    @Inject
    LiveStreams streams;

    @Inject
    ChatConfiguration configuration;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(
            @QueryParam("room") List<String> rooms,
            @QueryParam("after") List<String> after,
            @QueryParam("session") @Size(max = 64) String session,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        if (rooms.isEmpty() || rooms.size() > MAX_ROOMS) {
            throw ChatException.invalid("name the rooms to watch, 1 to " + MAX_ROOMS + " (room=<id>)");
        }
        Map<String, Long> afterByRoom = new LinkedHashMap<>();
        for (String room : rooms) {
            afterByRoom.put(roomUri(room), 0L);
        }
        if (lastEventId != null && !lastEventId.isBlank()) {
            resume(lastEventId.trim(), afterByRoom, "Last-Event-ID");
        }
        for (String resume : after) {
            resume(resume, afterByRoom, "after");
        }
        streams.open(caller.uri(), session, afterByRoom, sink, sse);
    }

    private void resume(String text, Map<String, Long> afterByRoom, String what) {
        Matcher matcher = RESUME.matcher(text);
        if (!matcher.matches()) {
            throw ChatException.invalid(what + " is <room id>:<sequence number>, not " + text);
        }
        String room = roomUri(matcher.group(1));
        if (!afterByRoom.containsKey(room)) {
            throw ChatException.invalid(what + " names a room not watched: " + matcher.group(1));
        }
        afterByRoom.put(room, Long.parseLong(matcher.group(2)));
    }

    private String roomUri(String id) {
        try {
            return configuration.roomUri(id);
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid("not a room id: " + id);
        }
    }
}
