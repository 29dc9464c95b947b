package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.chat.infrastructure.presence.InMemoryOnlineClients;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;
import org.parley.chat.interfaces.xccos.Fixtures;
import org.parley.chat.interfaces.xccos.FollowersOutside;
import org.parley.chat.interfaces.xccos.NewContentNotices;
import org.parley.chat.interfaces.xccos.OccupancyNoticesHere;
import org.parley.chat.interfaces.xccos.RoomFanOut;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.servlet.SipSessionEndReason;

/**
 * A thousand clients of one room vanish at once, while the room's lane is busy: nothing is sent to a session that
 * has ended, the one who stays is told of every leaver in one merged notice, and each ended session costs the
 * store one call.
 */
class ChatSessionEndTest {

    private static final String ROOM = Fixtures.ROOM_A;
    private static final int VANISHING = 1_000;

    /**
     * Sessions that behave as the container's: an ended one is not valid and makes no request. An INFO sent after
     * the session's end is the failure looked for.
     */
    private static final class Sessions {
        final Set<String> ended = ConcurrentHashMap.newKeySet();
        final Set<String> sentToEnded = ConcurrentHashMap.newKeySet();
        final List<String> toStayer = java.util.Collections.synchronizedList(new ArrayList<>());

        SipSession session(String id, String user) {
            SipSession session = mock(SipSession.class);
            when(session.getId()).thenReturn(id);
            when(session.isValid()).thenAnswer(call -> !ended.contains(id));
            when(session.getAttribute(SessionKey.USER.name(), String.class)).thenReturn(user);
            when(session.createRequest("INFO")).thenAnswer(call -> {
                if (ended.contains(id)) {
                    // As the container: a dialog that has ended makes no request (the race of a fan-out that took
                    // the session just before it was unregistered ends here).
                    throw new IllegalStateException("ended");
                }
                SipServletRequest info = mock(SipServletRequest.class);
                when(info.send()).thenAnswer(sent -> {
                    if (ended.contains(id)) {
                        sentToEnded.add(id);
                    }
                    return CompletableFuture.completedFuture(null);
                });
                if (id.equals("s-stay")) {
                    doAnswer(content -> {
                                toStayer.add(new String(content.<byte[]>getArgument(0), StandardCharsets.UTF_8));
                                return null;
                            })
                            .when(info)
                            .setContent(any(byte[].class), anyString());
                }
                return info;
            });
            return session;
        }
    }

    @Test
    void aThousandClientsVanishAtOnce() throws Exception {
        InMemoryRoomPresence presence = new InMemoryRoomPresence();
        InMemoryOnlineClients online = new InMemoryOnlineClients();
        Sessions sip = new Sessions();
        SipClientDelivery delivery = new SipClientDelivery() {
            @Override
            void unregister(String sessionId) {
                sip.ended.add(sessionId);
                super.unregister(sessionId);
            }
        };
        delivery.envelopeIds = new EnvelopeIds();
        delivery.meters = ParleyMeters.none();
        // The room's lane is busy while the clients vanish: its work waits until all have ended, then runs.
        java.util.concurrent.BlockingQueue<Runnable> laneWork = new java.util.concurrent.LinkedBlockingQueue<>();
        RoomFanOut fanOut = Fixtures.roomFanOut(presence, delivery, laneWork::add);
        RoomService rooms = mock(RoomService.class);
        ChatSessionEnd end = new ChatSessionEnd();
        end.online = online;
        end.occupancy = new RoomOccupancy(null, rooms, presence, null);
        end.occupancy.tell(new OccupancyNoticesHere(fanOut, new FollowersOutside()));
        end.newContent = mock(NewContentNotices.class);
        end.delivery = delivery;
        presence.enter(ROOM, new Participant(Fixtures.ALICE, "s-stay"));
        delivery.register(sip.session("s-stay", Fixtures.ALICE));
        List<SipSession> sessions = new ArrayList<>();
        for (int i = 0; i < VANISHING; i++) {
            String user = "sip:user" + i + "@contoso.com";
            String id = "s-" + i;
            presence.enter(ROOM, new Participant(user, id));
            online.connected(user, id);
            SipSession session = sip.session(id, user);
            delivery.register(session);
            sessions.add(session);
        }

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> ends = new ArrayList<>();
            for (SipSession session : sessions) {
                ends.add(threads.submit(() -> end.sessionDestroyed(session, SipSessionEndReason.BYE_RECEIVED)));
            }
            for (Future<?> ended : ends) {
                ended.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        Runnable work;
        while ((work = laneWork.poll()) != null) {
            work.run();
        }

        assertThat(sip.sentToEnded)
                .as("nothing sent to a session that has ended")
                .isEmpty();
        String told = String.join("\n", sip.toStayer);
        for (int i = 0; i < VANISHING; i++) {
            assertThat(told)
                    .as("the one who stays is told of every leaver")
                    .contains("sip:user" + i + "@contoso.com\"");
        }
        assertThat(sip.toStayer).as("one notice naming all who left meanwhile").hasSize(1);
        assertThat(presence.participants(ROOM)).containsExactly(new Participant(Fixtures.ALICE, "s-stay"));
        verify(rooms, times(VANISHING)).leftAll(anyString(), anyCollection());
        verify(rooms, never()).leave(anyString(), anyString());
    }
}
