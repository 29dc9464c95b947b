package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.RetentionView;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;

/**
 * How long history is kept (Lync had no retention; Mattermost and ejabberd do): a category keeps its rooms' messages
 * for N days, a room may say otherwise (its own days, or 0 for ever), and nothing is ever deleted unless an
 * administrator set one (off by default). A run, hourly on a persistent timer (once per pool) or on demand, clears in
 * each such room the messages older than its retention, in batches of {@value #BATCH} each in a transaction of its
 * own ({@link RetentionBatches}), and records each room's clearing as an administrator's clear is recorded. The
 * preview says what a run would take now, and changes nothing.
 */
@Stateless
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    static final int BATCH = 1000;

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    CategoryRepository categories;

    @Inject
    MessageRepository messages;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @EJB
    RetentionBatches batches;

    public RetentionService() {}

    RetentionService(
            Callers callers,
            RoomRepository rooms,
            CategoryRepository categories,
            MessageRepository messages,
            ComplianceRecorder compliance,
            ChatConfiguration configuration,
            Clock clock,
            RetentionBatches batches) {
        this.callers = callers;
        this.rooms = rooms;
        this.categories = categories;
        this.messages = messages;
        this.compliance = compliance;
        this.configuration = configuration;
        this.clock = clock;
        this.batches = batches;
    }

    /** @param days 1 to 36500, or null (or 0) for ever */
    public Integer setCategoryRetention(String actorUri, String categoryUri, Integer days) {
        Actor actor = callers.actor(actorUri);
        Category category = Found.category(categories, categoryUri);
        category.keepHistoryFor(actor, days);
        categories.store(category);
        return category.retentionDays();
    }

    /** @param days 1 to 36500; 0, for ever whatever the category says; null, as the category says */
    public Integer setRoomRetention(String actorUri, String roomUri, Integer days) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.room(rooms, roomUri);
        room.keepHistoryFor(actor, days);
        rooms.store(room);
        compliance.record(
                ComplianceEventType.ROOM_CHANGED,
                room,
                actor.uri().value(),
                clock.instant(),
                Map.of("change", "retention", "retentionDays", days == null ? "category" : days.toString()));
        return room.ownRetentionDays();
    }

    /** What a run would clear now, room by room (rooms with a retention only); administrators only. */
    public List<RetentionView> preview(String actorUri) {
        callers.actor(actorUri).requireAdministrator("see what retention clears");
        Instant now = clock.instant();
        List<RetentionView> due = new ArrayList<>();
        for (Room room : rooms.withRetention()) {
            RetentionView retention = RetentionView.of(room, now, 0);
            due.add(retention.withMessages(messages.countBefore(room, retention.cutoff())));
        }
        return due;
    }

    /** A run now on an administrator's behalf, who is named in what it records. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RetentionView> run(String actorUri) {
        Actor actor = callers.actor(actorUri);
        actor.requireAdministrator("run retention");
        return runAs(actor);
    }

    /** The timer's run, recorded as done by {@code sip:retention@<domain>}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RetentionView> runScheduled() {
        return runAs(
                Actor.administrator(new Subject(SipUri.parse("sip:retention@" + configuration.domain()), Set.of())));
    }

    private List<RetentionView> runAs(Actor actor) {
        Instant now = clock.instant();
        List<RetentionView> cleared = new ArrayList<>();
        // The rooms and their cut-offs, read in a transaction of their own.
        for (RetentionView room : batches.roomsWithRetention(now)) {
            long deleted = 0;
            try {
                int batch;
                do {
                    batch = batches.clearBatch(room.roomUri(), room.cutoff(), BATCH);
                    deleted += batch;
                } while (batch == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "retention stopped in " + room.roomUri() + "; the next run goes on");
            }
            if (deleted > 0) {
                batches.recordClearing(actor, room.roomUri(), room.cutoff(), deleted, room.days());
                cleared.add(room.withMessages(deleted));
            }
        }
        return cleared;
    }
}
