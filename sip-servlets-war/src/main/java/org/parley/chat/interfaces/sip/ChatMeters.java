package org.parley.chat.interfaces.sip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/**
 * Who is on this node, as gauges: chat dialogs, the users they belong to, NTLM sign-ins held and lock-outs, and the
 * busiest rooms' sessions. Read when Prometheus scrapes, except the busiest rooms, which a timer ranks every
 * {@link #TOP_ROOMS_EVERY_SECONDS} s (a room label per room would be a series per room, unbounded).
 */
@Singleton
@Startup
public class ChatMeters {

    /** How many rooms {@code parley_room_sessions} names: the busiest, by sessions on this node. */
    static final int TOP_ROOMS = 10;

    static final long TOP_ROOMS_EVERY_SECONDS = 10;

    @Inject
    ParleyMeters meters;

    @Inject
    SipClientDelivery delivery;

    @Inject
    SecurityAssociations associations;

    @Inject
    NtlmSignIn ntlm;

    @Inject
    RoomPresence presence;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService timer;

    private MultiGauge roomSessions;
    private ScheduledFuture<?> ranking;

    @PostConstruct
    void register() {
        meters.gauge(
                "parley.chat.dialogs",
                "Chat dialogs (a client's session with the chat server) on this node",
                Tags.empty(),
                delivery::sessionCount);
        meters.gauge(
                "parley.users.signed.in",
                "Users with at least one chat dialog on this node",
                Tags.empty(),
                delivery::userCount);
        meters.gauge(
                "parley.ntlm.associations",
                "NTLM security associations (signed-in SIP connections) held",
                Tags.empty(),
                associations::size);
        meters.gauge(
                "parley.ntlm.locked.out",
                "Users and addresses locked out after failed sign-ins, by kind",
                Tags.of("kind", "user"),
                () -> ntlm.lockedOut().users());
        meters.gauge(
                "parley.ntlm.locked.out",
                "Users and addresses locked out after failed sign-ins, by kind",
                Tags.of("kind", "address"),
                () -> ntlm.lockedOut().addresses());
        roomSessions = MultiGauge.builder("parley.room.sessions")
                .description("Sessions in the busiest rooms on this node (top " + TOP_ROOMS + ")")
                .register(meters.registry());
        ranking = timer.scheduleAtFixedRate(this::rankRooms, 0, TOP_ROOMS_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ranking != null) {
            ranking.cancel(false);
        }
        if (roomSessions != null) {
            roomSessions.register(List.of(), true);
        }
    }

    void rankRooms() {
        record RoomCount(String room, int sessions) {}
        List<RoomCount> counts = new ArrayList<>();
        for (String room : presence.rooms()) {
            int here = presence.participantsHere(room).size();
            if (here > 0) {
                counts.add(new RoomCount(room, here));
            }
        }
        counts.sort(Comparator.comparingInt(RoomCount::sessions).reversed().thenComparing(RoomCount::room));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (RoomCount count : counts.subList(0, Math.min(TOP_ROOMS, counts.size()))) {
            rows.add(MultiGauge.Row.of(Tags.of("room", count.room()), count.sessions()));
        }
        roomSessions.register(rows, true);
    }
}
