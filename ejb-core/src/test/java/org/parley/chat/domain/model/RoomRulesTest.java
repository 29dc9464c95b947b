package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.chat.domain.model.Fixtures.ADMIN;
import static org.parley.chat.domain.model.Fixtures.NOW;
import static org.parley.chat.domain.model.Fixtures.user;

import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.GroupDirectory;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.domain.shared.Name;

class RoomRulesTest {

    private static final GroupDirectory NO_GROUPS = uri -> new Subject(uri, Set.of());

    private final Category category = Fixtures.contosoCategory();
    private final Actor alice = user("sip:alice@contoso.com");
    private final Actor bob = user("sip:bob@contoso.com");
    private final Actor carol = user("sip:carol@contoso.com", "dev");
    private final Actor outsider = user("sip:mallory@fabrikam.com");

    private Room room(Privacy privacy, RoomType type) {
        return Fixtures.room(category, alice, privacy, type);
    }

    @Test
    void openRoomsAreSeenAndJoinedByEveryoneTheCategoryAllows() {
        Room room = room(Privacy.OPEN, RoomType.NORMAL);
        assertThat(room.canSee(bob)).isTrue();
        assertThat(room.canJoin(bob)).isTrue();
        assertThat(room.canPost(bob)).isTrue();
        assertThat(room.canSee(outsider)).isFalse();
        assertThat(room.canJoin(outsider)).isFalse();
    }

    @Test
    void closedRoomsAreSeenByAllButJoinedByMembersOnly() {
        Room room = room(Privacy.CLOSED, RoomType.NORMAL);
        assertThat(room.canSee(bob)).isTrue();
        assertThat(room.canJoin(bob)).isFalse();
        assertThat(room.canRead(bob)).isFalse();
        assertThat(room.canPost(bob)).isFalse();
        assertReason(() -> room.requireJoin(bob), Reason.FORBIDDEN);

        room.grant(alice, RoomRole.MEMBER, Principal.parse("sip:bob@contoso.com"), NO_GROUPS);
        assertThat(room.canJoin(bob)).isTrue();
        assertThat(room.canPost(bob)).isTrue();
    }

    @Test
    void secretRoomsDoNotExistForNonMembers() {
        Room room = room(Privacy.SECRET, RoomType.NORMAL);
        assertThat(room.canSee(bob)).isFalse();
        assertReason(() -> room.requireJoin(bob), Reason.NOT_FOUND);
        assertReason(() -> room.requireManage(bob), Reason.NOT_FOUND);

        room.grant(alice, RoomRole.MEMBER, Principal.parse("group:dev"), NO_GROUPS);
        assertThat(room.canSee(carol)).isTrue();
        assertThat(room.canJoin(carol)).isTrue();
        assertThat(room.canSee(bob)).isFalse();
        assertThat(room.canSee(alice)).as("managers are members").isTrue();
        assertThat(room.canSee(ADMIN)).isTrue();
    }

    @Test
    void theCategoryStillDecidesForListedMembers() {
        Room room = room(Privacy.CLOSED, RoomType.NORMAL);
        room.grant(alice, RoomRole.MEMBER, Principal.parse("group:dev"), NO_GROUPS);
        assertThat(room.canJoin(carol)).isTrue();

        category.grant(ADMIN, CategoryRole.DENIED_MEMBER, Principal.parse("sip:carol@contoso.com"));
        assertThat(room.canJoin(carol)).isFalse();
        assertThat(room.canSee(carol)).isFalse();
    }

    @Test
    void usersTheCategoryDoesNotAllowCannotBeAdded() {
        Room room = room(Privacy.CLOSED, RoomType.NORMAL);
        assertReason(
                () -> room.grant(alice, RoomRole.MEMBER, Principal.parse("sip:mallory@fabrikam.com"), NO_GROUPS),
                Reason.FORBIDDEN);
        assertThat(room.holders(RoomRole.MEMBER)).isEmpty();
    }

    @Test
    void auditoriumsLetOnlyPresentersPost() {
        Room room = room(Privacy.OPEN, RoomType.AUDITORIUM);
        assertThat(room.canRead(bob)).isTrue();
        assertThat(room.canPost(bob)).isFalse();
        assertThat(room.canPost(alice)).as("managing is not presenting").isFalse();
        assertReason(() -> room.post(bob, "hi", null, NOW), Reason.FORBIDDEN);

        room.grant(alice, RoomRole.PRESENTER, Principal.parse("sip:bob@contoso.com"), NO_GROUPS);
        assertThat(room.canPost(bob)).isTrue();
        assertThat(room.post(bob, "welcome", null, NOW).seq()).isEqualTo(1);
        assertThat(room.canPost(ADMIN)).isTrue();
    }

    @Test
    void onlyManagersAndAdministratorsChangeARoom() {
        Room room = room(Privacy.OPEN, RoomType.NORMAL);
        RoomSettings renamed =
                new RoomSettings("Renamed", "d", "t", Privacy.CLOSED, RoomType.NORMAL, InvitationSetting.OFF);
        assertReason(() -> room.change(bob, renamed), Reason.FORBIDDEN);
        assertReason(
                () -> room.grant(bob, RoomRole.MEMBER, Principal.parse("sip:bob@contoso.com"), NO_GROUPS),
                Reason.FORBIDDEN);
        assertReason(() -> room.disable(bob), Reason.FORBIDDEN);

        room.change(alice, renamed);
        assertThat(room.settings()).isEqualTo(renamed);

        room.grant(ADMIN, RoomRole.MANAGER, Principal.parse("sip:bob@contoso.com"), NO_GROUPS);
        assertThat(room.canManage(bob)).isTrue();
        assertThat(room.canJoin(bob)).as("managers are members").isTrue();
    }

    @Test
    void theLastManagerCannotBeRemoved() {
        Room room = room(Privacy.OPEN, RoomType.NORMAL);
        assertReason(
                () -> room.revoke(alice, RoomRole.MANAGER, Principal.parse("sip:alice@contoso.com")), Reason.CONFLICT);
        room.grant(alice, RoomRole.MANAGER, Principal.parse("sip:bob@contoso.com"), NO_GROUPS);
        room.revoke(alice, RoomRole.MANAGER, Principal.parse("sip:alice@contoso.com"));
        assertThat(room.canManage(alice)).isFalse();
    }

    @Test
    void disabledRoomsAreNeitherJoinedNorPostedToByAnyone() {
        Room room = room(Privacy.OPEN, RoomType.NORMAL);
        room.disable(alice);
        assertThat(room.canJoin(bob)).isFalse();
        assertThat(room.canJoin(ADMIN)).isFalse();
        assertThat(room.canSee(bob)).isFalse();
        assertThat(room.canSee(alice))
                .as("its managers still see it, to enable it again")
                .isTrue();
        assertThat(room.canRead(ADMIN)).isTrue();
        assertReason(() -> room.requireJoin(alice), Reason.ROOM_DISABLED);
        assertReason(() -> room.post(alice, "hello?", null, NOW), Reason.ROOM_DISABLED);

        room.enable(alice);
        assertThat(room.canJoin(bob)).isTrue();
    }

    @Test
    void administratorsMayDoAnythingButEnterDisabledRooms() {
        Room room = room(Privacy.SECRET, RoomType.NORMAL);
        assertThat(room.canManage(ADMIN)).isTrue();
        assertThat(room.canJoin(ADMIN)).isTrue();
        room.change(ADMIN, room.settings());
    }

    @Test
    void postsAreNumberedOneByOnePerRoom() {
        Room first = room(Privacy.OPEN, RoomType.NORMAL);
        Room second = room(Privacy.OPEN, RoomType.NORMAL);
        Message a = first.post(alice, "one", NOW.minusSeconds(1), NOW);
        Message b = first.post(bob, "two", null, NOW);
        Message c = second.post(bob, "other room", null, NOW);
        Message d = first.post(alice, "three", null, NOW);
        assertThat(a.seq()).isEqualTo(1);
        assertThat(b.seq()).isEqualTo(2);
        assertThat(d.seq()).isEqualTo(3);
        assertThat(c.seq()).isEqualTo(1);
        assertThat(first.lastMessageSeq()).isEqualTo(3);
        assertThat(a.author().value()).isEqualTo("sip:alice@contoso.com");
        assertThat(a.clientTime()).isEqualTo(NOW.minusSeconds(1));
    }

    @Test
    void refusedPostsTakeNoNumber() {
        Room room = room(Privacy.CLOSED, RoomType.NORMAL);
        assertReason(() -> room.post(bob, "let me in", null, NOW), Reason.FORBIDDEN);
        assertReason(() -> room.post(alice, "   ", null, NOW), Reason.INVALID);
        assertThat(room.post(alice, "first", null, NOW).seq()).isEqualTo(1);
    }

    @Test
    void invitationsNeedTheCategorysConsentAndTheRoomsOwn() {
        Room room = room(Privacy.OPEN, RoomType.NORMAL);
        assertThat(room.invitationsEnabled()).isTrue();
        room.change(alice, withInvitations(room, InvitationSetting.OFF));
        assertThat(room.invitationsEnabled()).isFalse();

        Category closed = Fixtures.category("No invitations", false);
        closed.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("domain:contoso.com"));
        Room inClosed = Fixtures.room(closed, ADMIN, Privacy.OPEN, RoomType.NORMAL);
        inClosed.change(ADMIN, withInvitations(inClosed, InvitationSetting.ON));
        assertThat(inClosed.invitationsEnabled()).isFalse();
    }

    @Test
    void roomNamesAreComparedIgnoringCaseAndWidth() {
        assertThat(Name.keyOf("  Dev   Room ")).isEqualTo(Name.keyOf("dev room"));
        assertThat(Name.keyOf("ＤＥＶ")).isEqualTo(Name.keyOf("dev"));
    }

    private static RoomSettings withInvitations(Room room, InvitationSetting invitations) {
        RoomSettings s = room.settings();
        return new RoomSettings(s.name(), s.description(), s.topic(), s.privacy(), s.type(), invitations);
    }

    static void assertReason(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(reason);
    }
}
