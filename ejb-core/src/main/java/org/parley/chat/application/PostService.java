package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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

/**
 * Posting to a room: authorise, number, keep, and once kept publish on the one {@link PostRoad}, whoever posts
 * (a SIP client's grpchat or the web services' announcement of a file): the chat nodes deliver from the road
 * alone, so a post reaches every node, this one included, the same way.
 */
@Stateless
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

    public PostService() {}

    PostService(
            Callers callers,
            RoomRepository rooms,
            MessageRepository messages,
            ChatConfiguration configuration,
            Clock clock,
            ComplianceRecorder compliance,
            PostRoad road,
            AfterCommit afterCommit,
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
        return post(new PostRequest(authorUri, roomUri, text, clientTime, () -> {}));
    }

    /**
     * As {@link #post(String, String, String, Instant)}, with the request's {@code stored} run after the commit and
     * before the post is published: a SIP client's post is answered (200) before anyone, its author included,
     * receives it. A failure of {@code stored} is logged; the post is published all the same.
     */
    public PostedMessage post(PostRequest request) {
        try {
            return store(request, null, new HashMap<>(1));
        } catch (Refused refused) {
            throw refused.reason;
        }
    }

    /**
     * As {@link #post(String, String, String, Instant)}, for a post another service makes in its own transaction
     * for an author it has already looked up (a file's announcement, {@link FileRecordService#registerAnnounced}):
     * the caller is looked up once per use case, and the post cannot be judged by other rights than the rest of it.
     */
    public PostedMessage postAs(Actor author, String roomUri, String text) {
        try {
            return store(
                    new PostRequest(author.uri().value(), roomUri, text, null, () -> {}), author, new HashMap<>(1));
        } catch (Refused refused) {
            throw refused.reason;
        }
    }

    /**
     * Stores several posts in this one transaction (a group commit, {@link PostWriter}): each is answered and
     * published as {@link #post(PostRequest)} would, once the transaction commits. A post the rules refuse is
     * refused alone, before it changes anything; anything else failing fails the transaction, and with it every
     * post of the batch, which the caller then tries one by one.
     *
     * @return one outcome per request, in the requests' order
     */
    public List<PostOutcome> postAll(List<PostRequest> requests) {
        // Rooms are locked in one order, their URIs', on every node: two nodes' batches never wait on each other
        // in a cycle. A room's posts keep their order of arrival (the sort is stable).
        Integer[] order = new Integer[requests.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> requests.get(i).roomUri()));
        PostOutcome[] outcomes = new PostOutcome[requests.size()];
        Map<RoomUri, Room> locked = new HashMap<>();
        for (int i : order) {
            try {
                outcomes[i] = PostOutcome.stored(store(requests.get(i), null, locked));
            } catch (Refused refused) {
                outcomes[i] = PostOutcome.refused(refused.reason);
            }
        }
        return List.of(outcomes);
    }

    /** A post the rules refuse, before it changed anything: it fails alone, the transaction goes on. */
    private static final class Refused extends RuntimeException {
        private final ChatException reason;

        Refused(ChatException reason) {
            super(reason.getMessage(), reason, false, false);
            this.reason = reason;
        }
    }

    /** @param knownAuthor the request's author when the caller has looked them up already, else null */
    private PostedMessage store(PostRequest request, Actor knownAuthor, Map<RoomUri, Room> locked) {
        Actor author;
        Message message;
        Room room;
        RoomUri uri;
        try {
            author = knownAuthor != null ? knownAuthor : callers.participant(request.authorUri());
            String text = request.text();
            configuration.requireWithinStorySize(text);
            // The row lock is held until commit: posts to one room are numbered one at a time, in order.
            uri = RoomUri.parse(request.roomUri());
            room = locked.get(uri);
            if (room == null) {
                // The category's rules from memory: else each room of each batch reads the category and both its lists.
                room = callers.judgedByKnownRules(Found.lockedRoom(rooms, request.roomUri()));
                locked.put(uri, room);
            }
            message = room.post(author, text, request.clientTime(), clock.instant());
        } catch (ChatException refused) {
            throw new Refused(refused);
        }
        // Taken under the row lock: the room's line on this node is in numbering order.
        RoomPublishOrder.Place place = publishOrder.take(uri.toString());
        PostedMessage posted;
        try {
            boolean kept = room.historyEnabled();
            if (kept) {
                messages.add(message);
            }
            // Archived even where the category keeps no history: compliance does not depend on it.
            compliance.record(
                    ComplianceEventType.CHAT,
                    room,
                    author.uri().value(),
                    clock.instant(),
                    request.text(),
                    Map.of("seq", Long.toString(message.seq())));
            posted = new PostedMessage(MessageView.of(message), kept);
        } catch (RuntimeException failed) {
            place.rolledBack();
            throw failed;
        }
        Runnable stored = request.stored();
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
