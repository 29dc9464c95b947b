package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.xccos.ChatMessage;

/**
 * The fan-out on real lanes (a thread pool), fed from many publishing threads, each room's posts published out of
 * order: every session gets every post of its room once, in sequence order, a big room (sent in batches across
 * lanes) included.
 */
class RoomFanOutConcurrencyTest {

    private static final Instant STORED = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void everySessionGetsEveryPostOnceInOrder() throws Exception {
        int rooms = 8;
        int postsPerRoom = 201;
        int bigRoomSessions = RoomFanOut.BIG_ROOM + 50;
        InMemoryRoomPresence presence = new InMemoryRoomPresence();
        List<String> roomUris = new ArrayList<>();
        int deliveries = 0;
        for (int r = 0; r < rooms; r++) {
            String room = "ma-chan://contoso.com/1a2b3c4d-0000-4000-8000-0000000000" + (10 + r);
            roomUris.add(room);
            int sessions = r == 0 ? bigRoomSessions : 5;
            for (int s = 0; s < sessions; s++) {
                presence.enter(room, new Participant("sip:u" + s + "@contoso.com", room + "#s" + s));
            }
            deliveries += sessions * postsPerRoom;
        }
        CountDownLatch all = new CountDownLatch(deliveries);
        RecordingDelivery delivery = new RecordingDelivery(all::countDown);
        ExecutorService lanes = Executors.newFixedThreadPool(4);
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            RoomFanOut fanOut = Fixtures.roomFanOut(presence, delivery);
            fanOut.executor = lanes;
            // The first post a room sees on a node starts it (what came before is history): post 1 first, then
            // each room published by two threads at once, each post twice, in pairs swapped (3,2,5,4,...): out
            // of order and duplicated, as a pool's topic may hand them over.
            for (String room : roomUris) {
                fanOut.posted(post(room, 1));
            }
            for (String room : roomUris) {
                for (int copy = 0; copy < 2; copy++) {
                    publishers.execute(() -> {
                        for (long seq = 2; seq < postsPerRoom; seq += 2) {
                            fanOut.posted(post(room, seq + 1));
                            fanOut.posted(post(room, seq));
                        }
                    });
                }
            }
            assertThat(all.await(30, TimeUnit.SECONDS))
                    .as("every delivery made")
                    .isTrue();
        } finally {
            publishers.shutdownNow();
            lanes.shutdownNow();
        }
        List<Long> expected = LongStream.rangeClosed(1, postsPerRoom).boxed().toList();
        for (int r = 0; r < rooms; r++) {
            String room = roomUris.get(r);
            int sessions = r == 0 ? bigRoomSessions : 5;
            for (int s = 0; s < sessions; s++) {
                List<Long> seqs = delivery.to(room + "#s" + s).stream()
                        .map(item -> Long.parseLong(((ChatMessage) item).text()))
                        .toList();
                assertThat(seqs).as(room + " s" + s).isEqualTo(expected);
            }
        }
    }

    private static MessageView post(String room, long seq) {
        return new MessageView(room, seq, "sip:a@contoso.com", Long.toString(seq), STORED, STORED);
    }
}
