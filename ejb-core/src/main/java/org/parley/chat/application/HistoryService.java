package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.BulkRewriteView;
import org.parley.chat.application.dto.HistoryChangeView;
import org.parley.chat.application.dto.HistoryQuery;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.file.FileAnnouncement;
import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.message.HistoryChange;
import org.parley.chat.domain.model.message.HistoryChangeRepository;
import org.parley.chat.domain.model.message.HistoryFilter;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * Reading a room's history (XCCOS bccontext), oldest first, and the administrators' recorded rewrites.
 * A room whose category has chat history off reads as empty rather than refusing: clients ask for
 * history after every join, and an error there would only be noise.
 */
@Stateless
public class HistoryService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    MessageRepository messages;

    @Inject
    CategoryRepository categories;

    @Inject
    HistoryChangeRepository changes;

    @Inject
    FileRecordRepository files;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    HistoryClearing clearing;

    public HistoryService() {}

    HistoryService(
            Callers callers,
            RoomRepository rooms,
            MessageRepository messages,
            CategoryRepository categories,
            HistoryChangeRepository changes,
            FileRecordRepository files,
            ChatConfiguration configuration,
            Clock clock,
            ComplianceRecorder compliance) {
        this.callers = callers;
        this.rooms = rooms;
        this.messages = messages;
        this.categories = categories;
        this.changes = changes;
        this.files = files;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.clearing = new HistoryClearing(files, changes, compliance, clock);
    }

    /** The newest {@code count} messages (at most the configured page limit), oldest first. */
    public List<MessageView> last(String actorUri, String roomUri, int count) {
        Room room = readable(actorUri, roomUri);
        compliance.record(
                ComplianceEventType.BACKCHAT, room, actorUri, clock.instant(), Map.of("last", Integer.toString(count)));
        return read(room, () -> messages.last(room, pageSize(count)));
    }

    /** The {@code count} messages just before sequence number {@code seq}, oldest first. */
    public List<MessageView> before(String actorUri, String roomUri, long seq, int count) {
        Room room = readable(actorUri, roomUri);
        compliance.record(
                ComplianceEventType.BACKCHAT,
                room,
                actorUri,
                clock.instant(),
                Map.of("before", Long.toString(seq), "last", Integer.toString(count)));
        return read(room, () -> messages.before(room, seq, pageSize(count)));
    }

    /** The {@code count} messages just after sequence number {@code seq}, oldest first. */
    public List<MessageView> after(String actorUri, String roomUri, long seq, int count) {
        Room room = readable(actorUri, roomUri);
        return read(room, () -> messages.after(room, seq, pageSize(count)));
    }

    /**
     * Full-text search, case-insensitive: messages containing {@code text} in one room, or (no room)
     * in every room the actor may read, newest first. Rooms without history have nothing to find.
     */
    public List<MessageView> search(String actorUri, String text, String roomUri, int limit) {
        Actor actor = callers.participant(actorUri);
        if (text == null || text.isBlank()) {
            throw ChatException.invalid("a search needs some text");
        }
        List<Room> scope = roomUri == null ? readableRooms(actor) : List.of(readable(actorUri, roomUri));
        List<Room> logged = scope.stream().filter(Room::historyEnabled).toList();
        List<MessageView> hits =
                messages
                        .search(logged, text.trim(), pageSize(limit <= 0 ? configuration.historyPageLimit() : limit))
                        .stream()
                        .map(MessageView::of)
                        .toList();
        // A search reads message text, across rooms: compliance records who looked for what, and how much
        // they got (issue #11). The hits themselves are not listed: they can be found again from the text.
        Map<String, String> details =
                Map.of("hits", Integer.toString(hits.size()), "rooms", Integer.toString(logged.size()));
        Instant at = clock.instant();
        if (roomUri == null) {
            compliance.record(ComplianceEvent.of(
                    ComplianceEventType.MESSAGE_SEARCH, null, null, actorUri, at, text.trim(), details));
        } else {
            compliance.record(ComplianceEventType.MESSAGE_SEARCH, scope.get(0), actorUri, at, text.trim(), details);
        }
        return hits;
    }

    /**
     * Every room the actor may read: the rule goes into the query and nothing limits the scope (the search
     * limits its hits), so a room late in the alphabet is searched like the first.
     */
    private List<Room> readableRooms(Actor actor) {
        if (actor.administrator()) {
            return rooms.searchAll("", Integer.MAX_VALUE); // Room#canRead: administrators read every room
        }
        List<Long> admitting = categories.all().stream()
                .filter(category -> category.permitsMember(actor.subject()))
                .map(Category::id)
                .toList();
        return rooms.joinable(admitting, actor.subject().principals()).stream()
                .filter(room -> room.canRead(actor))
                .toList();
    }

    /**
     * Deletes every message posted before {@code before}, and the files posted before it (their announcements
     * are among those messages; their bytes go with the file store's next clean-up); administrators only,
     * recorded.
     */
    public HistoryChangeView clearBefore(String actorUri, String roomUri, Instant before) {
        Actor actor = administrator(actorUri);
        Room room = Found.room(rooms, roomUri);
        long deleted = messages.removeBefore(room, before);
        return HistoryChangeView.of(clearing.cleared(actor, room, before, deleted, Map.of()));
    }

    public HistoryChangeView removeMessage(String actorUri, String roomUri, long seq) {
        Actor actor = administrator(actorUri);
        Message message = message(roomUri, seq);
        HistoryChange change = message.removal(actor, clock.instant());
        messages.remove(message);
        compliance.record(
                ComplianceEventType.MESSAGE_REMOVED,
                message.room(),
                actor.uri().value(),
                clock.instant(),
                Map.of("seq", Long.toString(seq)));
        return record(change);
    }

    public HistoryChangeView replaceMessage(String actorUri, String roomUri, long seq, String newText) {
        Actor actor = administrator(actorUri);
        configuration.requireWithinStorySize(newText);
        Message message = message(roomUri, seq);
        compliance.record(
                ComplianceEventType.MESSAGE_REPLACED,
                message.room(),
                actor.uri().value(),
                clock.instant(),
                newText,
                Map.of("seq", Long.toString(seq)));
        return record(message.replaceText(actor, newText, clock.instant()));
    }

    /**
     * Deletes (with {@code replacement} null) or rewrites every message the query matches
     * (Remove-CsPersistentChatMessage), room by room; administrators only. Each room's rewrite is recorded as the
     * single-message path records one: a history change naming the filter and how many messages it took, and a
     * compliance record (with how many files went). A dry run counts and changes nothing.
     * <p>
     * The files whose announcements the rewrite takes go with them, as a clear takes the files posted before its
     * date: their records now, their bytes at the file store's next clean-up. A replacement gives every match the same
     * new text, so an announcement it matches stops naming its file, which would stay behind as a file nobody was told
     * about (what the single transaction of FileRecordService.registerAnnounced exists to prevent): its file goes
     * too, unless the new text still announces that very file. (A single message removed or replaced by its number
     * leaves its file in place.)
     */
    public BulkRewriteView rewriteMatching(String actorUri, HistoryQuery query, boolean dryRun, String replacement) {
        Actor actor = administrator(actorUri);
        configuration.requireWithinStorySize(replacement);
        Set<Room> named = new HashSet<>();
        for (String roomUri : query.roomUris()) {
            named.add(Found.room(rooms, roomUri));
        }
        HistoryFilter filter = new HistoryFilter(
                named,
                query.author() == null ? null : SipUri.parse(query.author()),
                query.from(),
                query.to(),
                query.textContains());
        Map<Room, Long> matched = messages.countMatching(filter);
        List<BulkRewriteView.RoomCount> counts = new ArrayList<>();
        long total = 0;
        long totalFiles = 0;
        for (Map.Entry<Room, Long> entry : matched.entrySet()) {
            Room room = entry.getKey();
            long affected = entry.getValue();
            // Found before the rewrite, which takes the announcements away.
            List<FileRecord> announced = filesLosingTheirAnnouncement(room, filter, replacement);
            if (!dryRun) {
                affected = replacement == null
                        ? messages.removeMatching(room, filter)
                        : messages.replaceMatching(room, filter, replacement);
                announced.forEach(files::remove);
                record(HistoryChange.matching(room, actor, filter, replacement != null, affected, clock.instant()));
                compliance.record(
                        replacement == null
                                ? ComplianceEventType.MESSAGES_REMOVED
                                : ComplianceEventType.MESSAGES_REPLACED,
                        room,
                        actor.uri().value(),
                        clock.instant(),
                        replacement,
                        Map.of(
                                "filter",
                                filter.describe(),
                                "messages",
                                Long.toString(affected),
                                "filesRemoved",
                                Integer.toString(announced.size())));
            }
            counts.add(new BulkRewriteView.RoomCount(room.uri().toString(), room.name(), affected, announced.size()));
            total += affected;
            totalFiles += announced.size();
        }
        counts.sort(Comparator.comparing(BulkRewriteView.RoomCount::roomName));
        return new BulkRewriteView(dryRun, filter.describe(), total, totalFiles, counts);
    }

    /**
     * The room's files announced by messages the filter matches (by their uploader: see
     * {@link FileAnnouncement#announces}) that the rewrite leaves unannounced: all of them when it removes, those
     * whose announcement the new text is not when it replaces. Each file once, however often announced.
     */
    private List<FileRecord> filesLosingTheirAnnouncement(Room room, HistoryFilter filter, String replacement) {
        Map<Long, FileRecord> found = new LinkedHashMap<>();
        for (Message message : messages.matchingStartingWith(room, filter, FileAnnouncement.PREFIX)) {
            FileAnnouncement.fileId(message.text())
                    .filter(id -> !found.containsKey(id))
                    .flatMap(files::find)
                    .filter(file -> FileAnnouncement.announces(message.text(), message.author(), room, file))
                    .filter(file -> replacement == null
                            || !FileAnnouncement.announces(replacement, message.author(), room, file))
                    .ifPresent(file -> found.put(file.id(), file));
        }
        return List.copyOf(found.values());
    }

    /** The room's rewrites, oldest first; administrators only. */
    public List<HistoryChangeView> changes(String actorUri, String roomUri) {
        administrator(actorUri);
        return changes.of(Found.room(rooms, roomUri)).stream()
                .map(HistoryChangeView::of)
                .toList();
    }

    private Room readable(String actorUri, String roomUri) {
        return callers.readable(actorUri, () -> Found.room(rooms, roomUri));
    }

    private static List<MessageView> read(Room room, Supplier<List<Message>> query) {
        return room.historyEnabled() ? query.get().stream().map(MessageView::of).toList() : List.of();
    }

    private int pageSize(int count) {
        if (count < 1) {
            throw ChatException.invalid("a history read needs a positive count, not " + count);
        }
        return Math.min(count, configuration.historyPageLimit());
    }

    private Actor administrator(String actorUri) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("rewrite chat history");
        return actor;
    }

    private HistoryChangeView record(HistoryChange change) {
        changes.add(change);
        return HistoryChangeView.of(change);
    }

    private Message message(String roomUri, long seq) {
        return messages.find(Found.room(rooms, roomUri), seq)
                .orElseThrow(() -> ChatException.notFound("no message " + seq + " in room " + roomUri));
    }
}
