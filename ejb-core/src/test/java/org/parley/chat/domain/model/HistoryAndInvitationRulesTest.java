package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.domain.model.Fixtures.ADMIN;
import static org.parley.chat.domain.model.Fixtures.NOW;
import static org.parley.chat.domain.model.Fixtures.subject;
import static org.parley.chat.domain.model.Fixtures.user;
import static org.parley.chat.domain.model.RoomRulesTest.assertReason;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.invitation.Invitation;
import org.parley.chat.domain.model.message.HistoryChange;
import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.ChatPolicy;
import org.parley.chat.domain.model.user.ChatUser;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.domain.shared.Hashes;

class HistoryAndInvitationRulesTest {

    private final Category category = Fixtures.contosoCategory();
    private final Actor alice = user("sip:alice@contoso.com");
    private final Room room = Fixtures.room(category, alice, Privacy.OPEN, RoomType.NORMAL);

    @Test
    void replacingAMessageIsRecordedWithTheOldTextsHash() {
        Message message = room.post(alice, "secret password", null, NOW);
        HistoryChange change = message.replaceText(ADMIN, "[removed]", NOW.plusSeconds(60));
        assertThat(message.text()).isEqualTo("[removed]");
        assertThat(change.kind()).isEqualTo(HistoryChange.Kind.REPLACED);
        assertThat(change.messageSeq()).isEqualTo(1L);
        assertThat(change.actor().value()).isEqualTo("sip:admin@contoso.com");
        assertThat(change.oldTextSha256()).isEqualTo(Hashes.sha256Hex("secret password"));
        assertThat(change.changedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void onlyAdministratorsRewriteHistory() {
        Message message = room.post(alice, "mine", null, NOW);
        assertReason(() -> message.replaceText(alice, "edited", NOW), Reason.FORBIDDEN);
        assertReason(() -> message.removal(alice, NOW), Reason.FORBIDDEN);
        assertReason(() -> HistoryChange.clearedBefore(room, alice, NOW, 0, NOW), Reason.FORBIDDEN);
        assertThat(message.text()).isEqualTo("mine");
        assertThat(HistoryChange.clearedBefore(room, ADMIN, NOW, 3, NOW).messagesAffected())
                .isEqualTo(3);
    }

    @Test
    void managersInviteUsersWhoCouldJoin() {
        Room closed = Fixtures.room(category, alice, Privacy.CLOSED, RoomType.NORMAL);
        assertReason(() -> Invitation.issue(closed, alice, subject("sip:bob@contoso.com"), NOW), Reason.INVALID);
        assertReason(
                () -> Invitation.issue(room, user("sip:bob@contoso.com"), subject("sip:carol@contoso.com"), NOW),
                Reason.FORBIDDEN);
        assertReason(() -> Invitation.issue(room, alice, subject("sip:mallory@fabrikam.com"), NOW), Reason.INVALID);

        Invitation invitation = Invitation.issue(room, alice, subject("sip:bob@contoso.com"), NOW);
        assertThat(invitation.invitee().value()).isEqualTo("sip:bob@contoso.com");
        assertThat(invitation.inviter().value()).isEqualTo("sip:alice@contoso.com");
        assertThat(invitation.isSeen()).isFalse();
        assertReason(() -> invitation.markSeen(SipUri.parse("sip:carol@contoso.com")), Reason.NOT_FOUND);
        invitation.markSeen(SipUri.parse("sip:bob@contoso.com"));
        assertThat(invitation.isSeen()).isTrue();
    }

    @Test
    void noInvitationsWhereTheyAreOff() {
        Category quiet = Fixtures.category("Quiet", false);
        quiet.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.domain("contoso.com"));
        Room quietRoom = Fixtures.room(quiet, ADMIN, Privacy.OPEN, RoomType.NORMAL);
        assertReason(() -> Invitation.issue(quietRoom, ADMIN, subject("sip:bob@contoso.com"), NOW), Reason.FORBIDDEN);
    }

    @Test
    void aUsersOwnPolicyOverridesGlobal() {
        ChatPolicy global = ChatPolicy.global(true);
        ChatPolicy off = ChatPolicy.define(ADMIN, "NoChat", false);
        ChatUser bob = new ChatUser(SipUri.parse("sip:bob@contoso.com"));
        assertThat(bob.effectivePolicy(global).enablesChat()).isTrue();

        bob.assignPolicy(ADMIN, off);
        assertThat(bob.effectivePolicy(global).enablesChat()).isFalse();
        assertReason(() -> bob.assignPolicy(alice, null), Reason.FORBIDDEN);

        bob.assignPolicy(ADMIN, null);
        global.change(ADMIN, false);
        assertThat(bob.effectivePolicy(global).enablesChat()).isFalse();
        assertReason(() -> global.change(alice, true), Reason.FORBIDDEN);
    }
}
