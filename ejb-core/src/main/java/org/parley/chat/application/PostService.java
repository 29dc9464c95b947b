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
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.application.events.PostRoad;
import org.parley.chat.application.events.RoomPublishOrder;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.persistence.jpa.PersistenceExceptionTranslator;

/**
 * Posting to a room: authorise, number, keep, and once kept publish on the one {@link PostRoad}, whoever posts
 * (a SIP client's grpchat or the web services' announcement of a file): the chat nodes deliver from the road
 * alone, so a post reaches every node, this one included, the same way.
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
    PostRoad road;

    @Inject
    AfterCommit afterCommit;

    @Inject
    RoomPublishOrder publishOrder;

    public PostService() {
    }

    PostService(Callers callers, RoomRepository rooms, MessageRepository messages, ChatConfiguration configuration,
                Clock clock, ComplianceRecorder compliance, PostRoad road, AfterCommit afterCommit,
                RoomPublishOrder publishOrder) {
        this.callers = callers;
        this.rooms = rooms;
        this.messages = messages;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.road = road;
        this.afterCommit = afterCommit;
        this.publishOrder = publishOrder;
    }

    /**
     * Stores a post and, once its transaction has committed, publishes it on the road. Called inside a larger
     * transaction (a file and its announcement), it is published when that one commits, or never.
     *
     * @param clientTime the client's own time stamp (XCCOS {@code ts}), or null
     * @return the message with its room sequence number and server time; not stored (but still to be
     *         delivered) when the room's category has chat history off
     */
    public PostedMessage post(String authorUri, String roomUri, String text, Instant clientTime) {
        return post(authorUri, roomUri, text, clientTime, () -> { });
    }

    /**
     * As {@link #post(String, String, String, Instant)}, with {@code stored} run after the commit and before the
     * post is published: a SIP client's post is answered (200) before anyone, its author included, receives it.
     * A failure of {@code stored} is logged; the post is published all the same.
     */
    public PostedMessage post(String authorUri, String roomUri, String text, Instant clientTime, Runnable stored) {
        Actor author = callers.participant(authorUri);
        if (text != null && text.length() > configuration.storySizeLimit()) {
            throw new ChatException(ChatException.Reason.TOO_LARGE,
                    "a message is limited to " + configuration.storySizeLimit() + " characters");
        }
        // The row lock is held until commit: posts to one room are numbered one at a time, in order.
        RoomUri uri = RoomUri.parse(roomUri);
        Room room = rooms.lockForPosting(uri)
                .orElseThrow(() -> ChatException.notFound("no room " + roomUri));
        Message message = room.post(author, text, clientTime, clock.instant());
        // Taken under the row lock: the room's line on this node is in numbering order.
        RoomPublishOrder.Place place = publishOrder.take(uri.toString());
        PostedMessage posted;
        try {
            boolean kept = room.historyEnabled();
            if (kept) {
                messages.add(message);
            }
            // Archived even where the category keeps no history: compliance does not depend on it.
            compliance.record(ComplianceEventType.CHAT, room, author.uri().value(), clock.instant(),
                    text, Map.of("seq", Long.toString(message.seq())));
            posted = new PostedMessage(MessageView.of(message), kept);
        } catch (RuntimeException refused) {
            place.rolledBack();
            throw refused;
        }
        afterCommit.whenComplete(committed -> {
            if (!committed) {
                place.rolledBack();
                return;
            }
            place.committed(() -> {
                try {
                    stored.run();
                } finally {
                    road.publish(posted.message());
                }
            });
        });
        return posted;
    }
}
