package org.parley.chat.application;

import java.time.Clock;
import java.util.Map;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.application.events.RoomEventPublisher;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.persistence.jpa.PersistenceExceptionTranslator;

/**
 * Posting to a room: authorise, number, keep. A SIP client's post (XCCOS grpchat) is delivered by its caller;
 * a post from anywhere else is published to the chat nodes, which deliver it ({@link #postAndPublish}).
 */
@Stateless
@Interceptors(PersistenceExceptionTranslator.class)
public class PostService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    MessageRepository messages;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    RoomEventPublisher events;

    public PostService() {
    }

    PostService(Callers callers, RoomRepository rooms, MessageRepository messages, ChatConfiguration configuration,
                Clock clock, ComplianceRecorder compliance, RoomEventPublisher events) {
        this.callers = callers;
        this.rooms = rooms;
        this.messages = messages;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.events = events;
    }

    /**
     * @param clientTime the client's own time stamp (XCCOS {@code ts}), or null
     * @return the message with its room sequence number and server time; not stored (but still to be
     *         delivered) when the room's category has chat history off
     */
    public PostedMessage post(String authorUri, String roomUri, String text, Instant clientTime) {
        Actor author = callers.participant(authorUri);
        if (text != null && text.length() > configuration.storySizeLimit()) {
            throw new ChatException(ChatException.Reason.TOO_LARGE,
                    "a message is limited to " + configuration.storySizeLimit() + " characters");
        }
        // The row lock is held until commit: posts to one room are numbered one at a time, in order.
        Room room = rooms.lockForPosting(RoomUri.parse(roomUri))
                .orElseThrow(() -> ChatException.notFound("no room " + roomUri));
        Message message = room.post(author, text, clientTime, clock.instant());
        boolean stored = room.historyEnabled();
        if (stored) {
            messages.add(message);
        }
        // Archived even where the category keeps no history: compliance does not depend on it.
        compliance.record(ComplianceEventType.CHAT, room, author.uri().value(), clock.instant(),
                text, Map.of("seq", Long.toString(message.seq())));
        return new PostedMessage(MessageView.of(message), stored);
    }

    /**
     * A post made outside the SIP service (e.g. the web services' announcement of a file): stored as
     * {@link #post} stores it, and published in the same transaction to the chat nodes, which deliver it to
     * the room's online participants as they deliver a grpchat.
     */
    public PostedMessage postAndPublish(String authorUri, String roomUri, String text, Instant clientTime) {
        PostedMessage posted = post(authorUri, roomUri, text, clientTime);
        events.posted(posted.message());
        return posted;
    }
}
