package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.bool;
import static org.parley.it.XccosTestClient.text;
import static org.parley.it.XccosTestClient.xml;

import java.util.Set;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.PolicyService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;
import org.w3c.dom.Document;

/**
 * Rights taken away reach the people already in the room, over real SIP: a member removed (through the REST
 * API), a room disabled or made secret, a user denied by the room's category or switched off by policy is
 * taken out of the room at once (ntc:part naming themselves; the others get ntc:part) and gets nothing more of
 * it; a former member of a secret room gets no new-content notice; a room can be unfollowed through REST.
 *
 * <p>"Nothing more" is checked with a marker: after the post the evicted user must not get, the same author
 * posts to a second room the user is still in. The author's INFOs are handled one after another (one queue per
 * dialog), the first post's delivery and notices included, so the marker is the evicted user's next grpchat
 * exactly when the first post did not reach them.
 */
@ExtendWith(ArquillianExtension.class)
class AccessRevocationIT {

    private static final String ADMIN = "sip:admin@contoso.com";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(AccessRevocationIT.class, WebApiClient.class);
    }

    @EJB
    private RoomService rooms;

    @EJB
    private CategoryService categories;

    @EJB
    private PolicyService policies;

    private final TestRun run = new TestRun();

    private static String guid(String roomUri) {
        return roomUri.substring(roomUri.lastIndexOf('/') + 1);
    }

    private static void join(XccosTestClient client, String... rooms) throws Exception {
        for (String room : rooms) {
            client.join(room);
        }
    }

    /**
     * The client's own ntc:part for the room: it has been taken out of it. Others taken out with it may be
     * announced first (a disabled room evicts everyone, in no particular order), so wait for the one naming it.
     */
    private static void assertTakenOut(XccosTestClient client, String room) throws Exception {
        Document part = client.await(
                "/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='" + client.user + "']");
        assertThat(text(part, "//chanib[@uri='" + room + "']/uib/@uri"))
                .as(() -> xml(part))
                .isEqualTo(client.user);
    }

    /** The others in the room hear that {@code who} left it. */
    private static void assertToldOfPart(XccosTestClient other, String room, String who) throws Exception {
        Document part = other.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']");
        assertThat(text(part, "//chanib/uib/@uri")).as(() -> xml(part)).isEqualTo(who);
    }

    /**
     * {@code author} posts to {@code room}, which {@code evicted} left, then to {@code marker}, which both are in:
     * the marker must be the next post {@code evicted} receives.
     */
    private static void assertNoMorePosts(XccosTestClient author, XccosTestClient evicted, String room, String marker)
            throws Exception {
        assertThat(author.post(room, "not for " + evicted.user).status()).isEqualTo(200);
        assertThat(text(author.await("/xccos/grpchat"), "//chat")).isEqualTo("not for " + evicted.user);
        assertThat(author.post(marker, "marker").status()).isEqualTo(200);
        assertThat(text(assertNextPostIn(evicted, marker), "//chat")).isEqualTo("marker");
        assertThat(evicted.post(room, "still here?").status())
                .as("no post to a room one was taken out of")
                .isEqualTo(403);
    }

    /** The next post the client receives is one of {@code room}'s (none of a room it left came first). */
    private static Document assertNextPostIn(XccosTestClient client, String room) throws Exception {
        Document next = client.await("/xccos/grpchat");
        assertThat(text(next, "/xccos/grpchat/@chanUri"))
                .as(() -> "got " + xml(next))
                .isEqualTo(room);
        return next;
    }

    /** What takes a user's right to a room away: a REST call, a chat service's change. */
    @FunctionalInterface
    private interface Revocation {
        void revoke() throws Exception;
    }

    /** What else a test checks of the user taken out, still signed in. */
    @FunctionalInterface
    private interface Afterwards {
        void check(XccosTestClient evicted) throws Exception;
    }

    /**
     * The owner and {@code user}, signed in, are in {@code room} and in {@code marker} when {@code revocation}
     * takes the user's right to the room away: the user is taken out of it, the owner is told, and no post of the
     * room reaches the user any more.
     */
    private static void assertTakesOut(
            String owner, String user, String room, String marker, Revocation revocation, Afterwards afterwards)
            throws Exception {
        try (XccosTestClient ownerSip = XccosTestClient.signIn(owner);
                XccosTestClient userSip = XccosTestClient.signIn(user)) {
            join(ownerSip, room, marker);
            join(userSip, room, marker);

            revocation.revoke();

            assertTakenOut(userSip, room);
            assertToldOfPart(ownerSip, room, user);
            assertNoMorePosts(ownerSip, userSip, room, marker);
            afterwards.check(userSip);
        }
    }

    @Test
    void aMemberRemovedThroughRestIsTakenOutAndGetsNoMorePosts() throws Exception {
        String alice = "sip:alice@contoso.com";
        String bob = "sip:bob@contoso.com";
        String closed = run.room(alice, "Closed", Privacy.CLOSED);
        String marker = run.room(alice, "Marker", Privacy.OPEN);
        rooms.grant(alice, closed, RoomRole.MEMBER, bob);
        Revocation removal = () -> {
            var removed = WebApiClient.as("alice", "secret")
                    .delete("/rooms/" + guid(closed) + "/members/" + WebApiClient.segment(bob));
            assertThat(removed.statusCode()).as(removed::body).isEqualTo(200);
        };
        assertTakesOut(alice, bob, closed, marker, removal, bobSip -> {
            Document history = bobSip.command(
                    "cmd:bccontext", "<data><chanib uri=\"" + closed + "\"/><bcq><last cnt=\"5\"/></bcq></data>");
            assertThat(text(history, "//resp/@code")).as("no history either").isNotEqualTo("200");
            Document associations = bobSip.command("cmd:getassociations", "<data/>");
            assertThat(bool(associations, "//chanib[@uri='" + closed + "']"))
                    .as(() -> "no longer follows (or is anything of) the room: " + xml(associations))
                    .isFalse();
        });
    }

    @Test
    void aDisabledRoomTakesOutEveryoneInIt() throws Exception {
        String owner = run.user("owner");
        String bob = run.user("bob");
        String closed = run.room(owner, "Disabled", Privacy.CLOSED);
        rooms.grant(owner, closed, RoomRole.MEMBER, bob);
        try (XccosTestClient ownerSip = XccosTestClient.signIn(owner);
                XccosTestClient bobSip = XccosTestClient.signIn(bob)) {
            join(ownerSip, closed);
            join(bobSip, closed);

            rooms.disable(owner, closed);

            assertTakenOut(bobSip, closed);
            assertTakenOut(ownerSip, closed);
            assertThat(ownerSip.post(closed, "anyone?").status())
                    .as("nobody posts to a disabled room")
                    .isEqualTo(403);
        }
    }

    @Test
    void aRoomMadeSecretTakesOutWhoIsNotOnItsLists() throws Exception {
        String owner = run.user("owner");
        String bob = run.user("bob");
        String open = run.room(owner, "Soon secret", Privacy.OPEN);
        String marker = run.room(owner, "Marker", Privacy.OPEN);
        RoomSettings secret = new RoomSettings(
                "Soon secret " + run.id(), null, null, Privacy.SECRET, RoomType.NORMAL, InvitationSetting.INHERIT);
        assertTakesOut(owner, bob, open, marker, () -> rooms.updateSettings(owner, open, secret, null), bobSip -> {});
    }

    /** Remove-CsPersistentChatRoom over REST: administrators only (by default), and whoever is in the room is out. */
    @Test
    void aDeletedRoomTakesItsParticipantsOutAndIsGone() throws Exception {
        String alice = "sip:alice@contoso.com";
        String doomed = run.room(alice, "Doomed", Privacy.OPEN);
        String marker = run.room(alice, "Survivor", Privacy.OPEN);
        String path = "/rooms/" + guid(doomed);
        try (XccosTestClient aliceSip = XccosTestClient.signIn(alice);
                XccosTestClient bobSip = XccosTestClient.signIn(run.user("bob"))) {
            join(aliceSip, doomed, marker);
            join(bobSip, doomed, marker);
            assertThat(aliceSip.post(doomed, "last words").status()).isEqualTo(200);

            WebApiClient admin = WebApiClient.as("admin", "parley-admin");
            String etag = admin.get(path).headers().firstValue("ETag").orElseThrow();
            assertThat(WebApiClient.as("alice", "secret")
                            .delete(path, "If-Match", etag)
                            .statusCode())
                    .as("a manager may not, unless parley.chat.managers-may-delete-rooms")
                    .isEqualTo(403);
            assertThat(admin.delete(path).statusCode())
                    .as("If-Match is required")
                    .isEqualTo(428);
            var deleted = admin.delete(path, "If-Match", etag);
            assertThat(deleted.statusCode()).as(deleted::body).isEqualTo(204);

            assertTakenOut(bobSip, doomed);
            assertTakenOut(aliceSip, doomed);
            assertThat(admin.get(path).statusCode()).isEqualTo(404);
            assertThat(admin.delete(path, "If-Match", "*").statusCode()).isEqualTo(404);
            assertThat(aliceSip.post(marker, "still here").status())
                    .as("other rooms are untouched")
                    .isEqualTo(200);
            assertNextPostIn(bobSip, marker);
        }
    }

    @Test
    void aUserDeniedByTheCategoryIsTakenOutOfItsRooms() throws Exception {
        String owner = run.user("owner");
        String bob = run.user("bob");
        String category = categories
                .createCategory(
                        ADMIN,
                        new NewCategory(
                                new CategorySettings("Denying " + run.id(), null, true, true, true),
                                Set.of("domain:contoso.com"),
                                Set.of(),
                                Set.of(owner)))
                .uri();
        String open = run.room(owner, "In category", Privacy.OPEN, RoomType.NORMAL, category);
        String marker = run.room(owner, "Marker", Privacy.OPEN);
        assertTakesOut(
                owner,
                bob,
                open,
                marker,
                () -> categories.grant(ADMIN, category, CategoryRole.DENIED_MEMBER, bob),
                bobSip -> {});
    }

    @Test
    void aUserWhosePolicyTurnsChatOffIsTakenOutOfEveryRoom() throws Exception {
        String owner = run.user("owner");
        String bob = run.user("bob");
        String open = run.room(owner, "Policy", Privacy.OPEN);
        try (XccosTestClient ownerSip = XccosTestClient.signIn(owner);
                XccosTestClient bobSip = XccosTestClient.signIn(bob)) {
            join(ownerSip, open);
            join(bobSip, open);

            policies.definePolicy(ADMIN, "Off " + run.id(), false);
            policies.assignPolicy(ADMIN, bob, "Off " + run.id());

            assertTakenOut(bobSip, open);
            assertToldOfPart(ownerSip, open, bob);
            assertThat(ownerSip.post(open, "not for bob").status()).isEqualTo(200);
            assertThat(text(ownerSip.await("/xccos/grpchat"), "//chat")).isEqualTo("not for bob");
            // Bob is in no room any more, so no marker room: his next INFO must be this command's reply.
            Document reply = bobSip.command("cmd:getassociations", "<data/>");
            assertThat(text(reply, "/xccos/rpl/@id")).as(() -> xml(reply)).isEqualTo("rpl:getassociations");
            assertThat(bobSip.post(open, "still here?").status()).isEqualTo(403);
        }
    }

    @Test
    void aFormerMemberOfASecretRoomGetsNoNewContentNotice() throws Exception {
        String owner = run.user("owner");
        String bob = run.user("bob");
        String secret = run.room(owner, "Secret", Privacy.SECRET);
        String open = run.room(owner, "Followed", Privacy.OPEN);
        rooms.grant(owner, secret, RoomRole.MEMBER, bob);
        try (XccosTestClient ownerSip = XccosTestClient.signIn(owner);
                XccosTestClient bobSip = XccosTestClient.signIn(bob)) {
            join(ownerSip, secret, open);
            // Joining follows; leaving does not unfollow: bob follows both rooms without being in them.
            join(bobSip, secret, open);
            bobSip.command("cmd:part", "<data><chanib uri=\"" + secret + "\"/></data>");
            bobSip.command("cmd:part", "<data><chanib uri=\"" + open + "\"/></data>");

            rooms.revoke(owner, secret, RoomRole.MEMBER, bob);

            assertThat(ownerSip.post(secret, "secret news").status()).isEqualTo(200);
            assertThat(ownerSip.post(open, "open news").status()).isEqualTo(200);
            Document notice = bobSip.await("/xccos/ntc[@id='ntc:newcontent']");
            assertThat(text(notice, "//chanib/@uri"))
                    .as(() -> "the secret room's news leaked: " + xml(notice))
                    .isEqualTo(open);
        }
    }

    @Test
    void aRoomIsUnfollowedThroughRest() throws Exception {
        String alice = "sip:alice@contoso.com";
        String open = run.room(run.user("owner"), "Unfollowed", Privacy.OPEN);
        WebApiClient web = WebApiClient.as("alice", "secret");
        try (XccosTestClient aliceSip = XccosTestClient.signIn(alice)) {
            join(aliceSip, open);
            aliceSip.command("cmd:part", "<data><chanib uri=\"" + open + "\"/></data>");
            String followed = "//chanib[@uri='" + open + "']/aib[@key='follow']";
            assertThat(bool(aliceSip.command("cmd:getassociations", "<data/>"), followed))
                    .as("joining follows")
                    .isTrue();

            assertThat(web.delete("/rooms/" + guid(open) + "/follow").statusCode())
                    .isEqualTo(204);
            assertThat(bool(aliceSip.command("cmd:getassociations", "<data/>"), followed))
                    .as("unfollowed")
                    .isFalse();
            assertThat(web.delete("/rooms/" + guid(open) + "/follow").statusCode())
                    .as("twice is no error")
                    .isEqualTo(204);

            assertThat(web.put("/rooms/" + guid(open) + "/follow").statusCode()).isEqualTo(204);
            assertThat(bool(aliceSip.command("cmd:getassociations", "<data/>"), followed))
                    .as("followed again")
                    .isTrue();
        }
    }
}
