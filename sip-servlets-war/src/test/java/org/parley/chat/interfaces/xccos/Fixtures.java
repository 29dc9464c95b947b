package org.parley.chat.interfaces.xccos;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.parley.chat.application.FollowService;
import org.parley.chat.application.FollowerIndex;
import org.parley.chat.application.dto.RoomRolesView;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.xccos.ChannelId;
import org.parley.xccos.CommandRef;

/**
 * Shared test data and wiring. It lives in this package because {@link RoomInfos} and
 * {@link RoomFanOut} keep their {@code @Inject} fields package-private: tests of the handlers (in
 * the handlers package) get real instances wired from here.
 */
public final class Fixtures {

    public static final String DOMAIN = "contoso.com";
    public static final String ALICE = "sip:alice@contoso.com";
    public static final String BOB = "sip:bob@contoso.com";
    public static final String CAROL = "sip:carol@contoso.com";
    public static final String DAVE = "sip:dave@contoso.com";
    /** Alice's client in its dialog with the chat service, as most handler tests see it. */
    public static final ChatClient ALICE_CLIENT =
            new ChatClient(ALICE, "sip:GC-1-PersistentChatService-1@contoso.com", "s-alice");

    public static final String GUID_A = "0f3c6a2e-1b7d-4c59-9a8e-2d4b6c8e1f01";
    public static final String GUID_B = "1a2b3c4d-0000-4000-8000-00000000000b";
    public static final String GUID_C = "1a2b3c4d-0000-4000-8000-00000000000c";
    public static final String ROOM_A = "ma-chan://contoso.com/" + GUID_A;
    public static final String ROOM_B = "ma-chan://contoso.com/" + GUID_B;
    public static final String ROOM_C = "ma-chan://contoso.com/" + GUID_C;

    /** Clients send seqid="1" on everything; the envid tells commands apart. */
    public static final CommandRef REF = new CommandRef("envid-42", "1");

    /** The fan-out's hold timer in tests: a daemon thread, so it never keeps the test JVM alive. */
    private static final ScheduledExecutorService HOLD_TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fan-out-hold");
        thread.setDaemon(true);
        return thread;
    });

    private Fixtures() {}

    public static RoomInfos roomInfos(RoomPresence presence) {
        RoomInfos infos = new RoomInfos();
        infos.presence = presence;
        return infos;
    }

    public static RoomFanOut roomFanOut(RoomPresence presence, ClientDelivery delivery) {
        // Lanes run on the caller's thread: what a test posts is delivered when the call returns.
        return roomFanOut(presence, delivery, Runnable::run);
    }

    /** @param lanes the executor the fan-out's lanes run on */
    public static RoomFanOut roomFanOut(RoomPresence presence, ClientDelivery delivery, Executor lanes) {
        RoomFanOut fanOut = new RoomFanOut();
        fanOut.presence = presence;
        fanOut.delivery = delivery;
        fanOut.executor = lanes;
        fanOut.timer = HOLD_TIMER;
        return fanOut;
    }

    public static FollowersOutside followersOutside(
            FollowService follows, FollowerIndex followerIndex, OnlineClients online, RoomPresence presence) {
        FollowersOutside outside = new FollowersOutside();
        outside.follows = follows;
        outside.followerIndex = followerIndex;
        outside.online = online;
        outside.presence = presence;
        return outside;
    }

    /** An open room with invitations and history on and file posting off. */
    public static RoomView room(String uri, String name, String topic) {
        return room(uri, name, topic, Privacy.OPEN, true, false, true);
    }

    public static RoomView room(
            String uri,
            String name,
            String topic,
            Privacy privacy,
            boolean invitations,
            boolean filePost,
            boolean logged) {
        return new RoomView(
                uri,
                name,
                "About " + name,
                topic,
                privacy,
                RoomType.NORMAL,
                InvitationSetting.INHERIT,
                false,
                "ma-cat://contoso.com/00000000-0000-4000-8000-000000000001",
                "Root",
                invitations,
                filePost,
                logged,
                0,
                1,
                null,
                null);
    }

    public static RoomRolesView roles(String roomUri, List<String> managers) {
        return new RoomRolesView(roomUri, List.of(), managers, List.of());
    }

    public static ChannelId channel(int key, String guid) {
        return new ChannelId(key, DOMAIN, guid);
    }

    public static Participant participant(String userUri, String sessionId) {
        return new Participant(userUri, sessionId);
    }
}
