package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.CallerRecord;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatPolicyRepository;
import org.parley.chat.domain.model.user.ChatUserRepository;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;

/**
 * Who a caller is, remembered: asked of the store once, forgotten by every change that concerns it, so that a
 * right taken away is refused on the very next request; never remembered from a look-up a change overtook.
 */
class CallersTest {

    private static final String ALICE = "sip:alice@contoso.com";

    private final AtomicInteger lookUps = new AtomicInteger();
    /** What the store answers for Alice's groups; a test may change it under a look-up. */
    private Supplier<Set<String>> aliceGroups = () -> Set.of("staff");

    private final Callers callers = new Callers(fake(ChatUserRepository.class), fake(ChatPolicyRepository.class));

    @Test
    void aCallerIsAskedOfTheStoreOnceAndForgottenByAChangeThatConcernsThem() {
        assertThat(callers.participant(ALICE).subject().groupKeys()).containsExactly("staff");
        assertThat(callers.participant(ALICE).subject().groupKeys()).containsExactly("staff");
        assertThat(lookUps).hasValue(1);

        callers.forget(AccessChange.ofRoom("ma-chan://contoso.com/one"));
        callers.forget(AccessChange.ofUser("sip:bob@contoso.com"));
        callers.participant(ALICE);
        assertThat(lookUps)
                .as("a room's change or another user's does not concern Alice")
                .hasValue(1);

        aliceGroups = Set::of;
        callers.forget(AccessChange.ofUser(ALICE));
        assertThat(callers.participant(ALICE).subject().groupKeys()).isEmpty();
        callers.forget(AccessChange.ofEveryone());
        callers.participant(ALICE);
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void aLookUpOvertakenByAChangeIsNotRemembered() {
        aliceGroups = () -> {
            // Another thread's change commits while this look-up is reading the store.
            callers.changeBegun(AccessChange.ofUser(ALICE));
            callers.changeEnded(AccessChange.ofUser(ALICE));
            return Set.of("staff");
        };
        callers.participant(ALICE);
        aliceGroups = Set::of;
        assertThat(callers.participant(ALICE).subject().groupKeys()).isEmpty();
    }

    @Test
    void nothingIsRememberedWhileAChangeIsUnderWay() {
        callers.changeBegun(AccessChange.ofEveryone());
        callers.participant(ALICE);
        callers.participant(ALICE);
        assertThat(lookUps).hasValue(2);
        callers.changeEnded(AccessChange.ofEveryone());
        callers.participant(ALICE);
        callers.participant(ALICE);
        assertThat(lookUps).hasValue(3);
    }

    /** On the real store, through the services: each revocation is refused on the very next post. */
    @Test
    void aRevokedRightIsRefusedOnTheVeryNextPost() {
        try (ChatStoreHarness store = new ChatStoreHarness()) {
            String admin = ChatStoreHarness.ADMIN;
            String root = store.tx(() -> store.categories.root()).uri();
            String room = store.tx(() -> store.rooms.createRoom(
                            admin, new NewRoom("Board", null, root, Privacy.CLOSED, RoomType.NORMAL)))
                    .uri();
            store.tx(() -> store.directory.createGroup(admin, "board", null));
            store.tx(() -> store.directory.addGroupMember(admin, "board", ALICE));
            store.tx(() -> store.rooms.grant(admin, room, RoomRole.MEMBER, "group:board"));
            store.tx(() -> store.posts.post(ALICE, room, "as a member of board", null));

            store.tx(() -> store.directory.removeGroupMember(admin, "board", ALICE));
            assertRefused(() -> store.tx(() -> store.posts.post(ALICE, room, "still?", null)));

            store.tx(() -> store.directory.addGroupMember(admin, "board", ALICE));
            store.tx(() -> store.posts.post(ALICE, room, "back in board", null));
            store.tx(() -> store.policies.definePolicy(admin, "NoChat", false));
            store.tx(() -> store.policies.assignPolicy(admin, ALICE, "NoChat"));
            assertThatThrownBy(() -> store.tx(() -> store.posts.post(ALICE, room, "still?", null)))
                    .extracting(e -> ((ChatException) e).reason())
                    .isEqualTo(Reason.DISABLED_BY_POLICY);

            store.tx(() -> store.policies.definePolicy(admin, "NoChat", true));
            store.tx(() -> store.posts.post(ALICE, room, "the policy allows chat again", null));
            store.tx(() -> store.policies.setGlobalEnabled(admin, false));
            store.tx(() -> store.policies.assignPolicy(admin, ALICE, null));
            assertThatThrownBy(() -> store.tx(() -> store.posts.post(ALICE, room, "still?", null)))
                    .extracting(e -> ((ChatException) e).reason())
                    .isEqualTo(Reason.DISABLED_BY_POLICY);
            store.tx(() -> store.policies.setGlobalEnabled(admin, true));
            assertThat(store.tx(() -> store.posts.post(ALICE, room, "Global allows chat again", null))
                            .message()
                            .seq())
                    .isEqualTo(4);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isIn(Reason.FORBIDDEN, Reason.NOT_FOUND);
    }

    /** A repository answering the caller look-up only: Alice's groups from {@link #aliceGroups}, counted. */
    private <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {type}, (self, called, arguments) -> {
                    if (called.getName().equals("callerRecord")) {
                        lookUps.incrementAndGet();
                        return new CallerRecord(Optional.empty(), ChatPolicy.global(true), aliceGroups.get());
                    }
                    throw new UnsupportedOperationException(called.getName());
                }));
    }
}
