package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.XccosTestClient.bool;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.count;
import static org.parley.it.XccosTestClient.text;
import static org.parley.it.XccosTestClient.xml;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.PolicyService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.sip.testkit.RawSip;
import org.w3c.dom.Document;

/**
 * The channel service end to end over real SIP, with several simulated clients that behave as
 * pidgin-sipe does: sign-in, search, join, history, posts with fan-out and echo, notices, part,
 * privacy and role rules, invitations, a policy-disabled user. Rooms are made through the chat
 * services (as the room management web service would); names carry a run id.
 */
@ExtendWith(ArquillianExtension.class)
class ChatFlowIT {

    private static final String ADMIN = "sip:admin@contoso.com";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ChatFlowIT.class, WebApiClient.class);
    }

    @EJB
    private RoomService rooms;
    @EJB
    private CategoryService categories;
    @EJB
    private HistoryService history;
    @EJB
    private InvitationService invitations;
    @EJB
    private PolicyService policies;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String user(String name) {
        return "sip:" + name + "-" + run + "@contoso.com";
    }

    private String room(String owner, String name, Privacy privacy, RoomType type) {
        return rooms.createRoom(owner, new NewRoom(name + " " + run, "about " + name, categories.root().uri(), privacy, type))
                .uri();
    }

    @Test
    void signsInLikeALyncClient() throws Exception {
        String alice = user("alice");
        String closed = room(user("owner"), "Closed", Privacy.CLOSED, RoomType.NORMAL);
        String open = room(user("owner"), "Open", Privacy.OPEN, RoomType.NORMAL);
        rooms.grant(user("owner"), closed, RoomRole.MEMBER, alice);
        long invitation = invitations.invite(user("owner"), closed, alice).id();

        // Lookup: requri names the chat endpoint.
        try (XccosTestClient lookup = XccosTestClient.connect(alice, XccosTestClient.LOOKUP)) {
            RawSip.Msg ok = lookup.dialog.establish();
            assertTrue(ok.header("Session-Expires") != null, "Session-Expires on the 200 to INVITE");
            Document requri = lookup.command("cmd:requri", "<data/>");
            assertEquals(XccosTestClient.CHAT_ENDPOINT, text(requri, "/xccos/rpl[@id='rpl:requri']/data/uib/@uri"));
            lookup.bye();
        }
        try (XccosTestClient client = XccosTestClient.signIn(alice)) {
            Document info = client.command("cmd:getserverinfo", "<data><sib domain=\"contoso.com\" infoType=\"123\"/></data>");
            assertEquals("200", text(info, "/xccos/rpl[@id='rpl:getserverinfo']/resp/@code"));
            assertEquals(categories.root().uri(), text(info, "//sib/@rootUri"));
            assertEquals("123", text(info, "//sib/@infoType"));
            assertTrue(Instant.parse(text(info, "//sib/@serverTime")).isAfter(Instant.now().minusSeconds(60)));

            Document invites = client.command("cmd:getinv", "<data><inv inviteId=\"0\" domain=\"contoso.com\"/></data>");
            assertEquals(closed, text(invites, "//inv[@inviteId='" + invitation + "']/@chanUri"));
            Document again = client.command("cmd:getinv", "<data><inv inviteId=\"" + invitation
                    + "\" domain=\"contoso.com\"/></data>");
            assertEquals(0, count(again, "//inv"), "only invitations above the inviteId the client names");

            Document bjoin = client.command("cmd:bjoin", "<data>" + chanid(closed, 0) + chanid(open, 1)
                    + chanid("ma-chan://contoso.com/00000000-0000-0000-0000-000000000000", 2) + "</data>");
            assertEquals("200", text(bjoin, "//resp/@code"));
            assertEquals(2, count(bjoin, "/xccos/rpl/data/chanib"));
            assertEquals(1, count(bjoin, "/xccos/rpl/data/fib[@key='OPERATION_FAILED']"));
            assertEquals(alice, text(bjoin, "/xccos/rpl/data/uib/@uri"));

            Document associations = client.command("cmd:getassociations", "<data/>");
            assertTrue(bool(associations, "//chanib[@uri='" + closed + "']/aib[@key='3984']"), () -> xml(associations));
            assertTrue(bool(associations, "//chanib[@uri='" + open + "']/aib[@key='follow']"), "follows what it joined");

            // Anyone the root category's creators name may create rooms (PROTOCOL.md §7.9: 200, empty data).
            Document create = client.command("cmd:nodespermcreatechild", "<data/>");
            assertEquals("200", text(create, "//resp/@code"), () -> xml(create));

            try (XccosTestClient visitor = XccosTestClient.signIn("sip:visitor-" + run + "@fabrikam.com")) {
                Document refused = visitor.attempt("cmd:nodespermcreatechild", "<data/>");
                assertEquals("403", text(refused, "//resp/@code"), "no category lets fabrikam.com create rooms");
            }

            Document unknown = client.attempt("cmd:getlogs", "<data/>");
            assertEquals("rpl:getlogs", text(unknown, "/xccos/rpl/@id"));
            assertEquals("501", text(unknown, "//resp/@code"));
            client.bye();
        }
    }

    /** cmd:getpref / cmd:setpref (PROTOCOL.md §7.9): preferences on the server, the same for all of a user's clients. */
    @Test
    void preferencesAreKeptOnTheServerForAllOfAUsersClients() throws Exception {
        String alice = user("alice");
        String label = "kedzie.GroupChannels";
        String channels = java.util.Base64.getEncoder().encodeToString(
                "<channels><chan uri=\"ma-chan://contoso.com/1\"/></channels>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (XccosTestClient desk = XccosTestClient.signIn(alice);
             XccosTestClient laptop = XccosTestClient.signIn(alice)) {
            Document none = desk.attempt("cmd:getpref", "<data><pref label=\"" + label + "\" seqid=\"0\"/></data>");
            assertEquals("404", text(none, "//resp/@code"), () -> xml(none));

            Document created = desk.command("cmd:getpref",
                    "<data><pref label=\"" + label + "\" seqid=\"0\" createdefault=\"true\"/></data>");
            assertEquals("", text(created, "/xccos/rpl/data/pref/@content"), () -> xml(created));
            long first = Long.parseLong(text(created, "/xccos/rpl/data/pref/@seqid"));

            Document set = desk.command("cmd:setpref", "<data><pref label=\"" + label + "\" seqid=\"" + first
                    + "\" createdefault=\"false\" content=\"" + channels + "\"/></data>");
            assertEquals("200", text(set, "//resp/@code"));
            assertTrue(Long.parseLong(text(set, "/xccos/rpl/data/pref/@seqid")) > first, () -> xml(set));

            Document other = laptop.command("cmd:getpref",
                    "<data><pref label=\"" + label + "\" seqid=\"0\" createdefault=\"true\"/></data>");
            assertEquals(channels, text(other, "/xccos/rpl/data/pref/@content"), "the user's other client sees it");
            assertEquals(text(set, "/xccos/rpl/data/pref/@seqid"), text(other, "/xccos/rpl/data/pref/@seqid"));

            Document bad = laptop.attempt("cmd:setpref",
                    "<data><pref label=\"" + label + "\" content=\"not base64!\"/></data>");
            assertEquals("400", text(bad, "//resp/@code"), () -> xml(bad));
            Document kept = desk.command("cmd:getpref", "<data><pref label=\"" + label + "\"/></data>");
            assertEquals(channels, text(kept, "/xccos/rpl/data/pref/@content"), "bad input leaves the value as it was");
        }
        try (XccosTestClient bob = XccosTestClient.signIn(user("bob"))) {
            Document theirs = bob.attempt("cmd:getpref", "<data><pref label=\"" + label + "\"/></data>");
            assertEquals("404", text(theirs, "//resp/@code"), "one user's preferences are theirs alone");
        }
    }

    @Test
    void threeClientsChatInOrderWithEchoNoticesAndHistory() throws Exception {
        String owner = user("owner");
        String room = room(owner, "Team", Privacy.OPEN, RoomType.NORMAL);
        try (XccosTestClient alice = XccosTestClient.signIn(user("alice"));
             XccosTestClient bob = XccosTestClient.signIn(user("bob"));
             XccosTestClient carol = XccosTestClient.signIn(user("carol"))) {
            Document search = alice.command("cmd:chansrch", "<data><qib qtype=\"BYNAME\" criteria=\"Team " + run
                    + "\" extended=\"false\"/></data>");
            assertEquals(room, text(search, "//chanib/@uri"));
            assertEquals("open", text(search, "//chanib/info[@id='urn:parlano:ma:info:visibilty']"));

            Document join = alice.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            assertEquals("Team " + run, text(join, "//chanib/@name"));
            bob.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            Document noticeOfBob = alice.await("/xccos/ntc[@id='ntc:join']");
            assertEquals(user("bob"), text(noticeOfBob, "//uib/@uri"));
            assertEquals(room.substring(room.lastIndexOf('/') + 1), text(noticeOfBob, "//uib/aib/@value"));
            carol.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            alice.await("/xccos/ntc[@id='ntc:join']");
            bob.await("/xccos/ntc[@id='ntc:join']");

            List<String> texts = List.of("one <&> \"quoted\"", "two", "three");
            for (String text : texts) {
                assertEquals(200, alice.post(room, text).status());
            }
            for (XccosTestClient member : List.of(alice, bob, carol)) {
                for (String expected : texts) {
                    Document chat = member.await("/xccos/grpchat");
                    assertEquals(expected, text(chat, "/xccos/grpchat/chat"), member.user + " gets posts in order");
                    assertEquals(user("alice"), text(chat, "/xccos/grpchat/@author"));
                    assertEquals(room, text(chat, "/xccos/grpchat/@chanUri"));
                }
            }

            Document backchat = bob.command("cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><last cnt=\"2\"/></bcq></data>");
            assertEquals(2, count(backchat, "/xccos/rpl/data/chanib/msg[@id='grpchat']"));
            assertEquals("two", text(backchat, "/xccos/rpl/data/chanib/msg[1]/chat"));
            String secondId = text(backchat, "/xccos/rpl/data/chanib/msg[1]/@msgid");
            Document older = bob.command("cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><before msgid=\""
                    + secondId + "\" cnt=\"10\"/></bcq></data>");
            assertEquals("one <&> \"quoted\"", text(older, "/xccos/rpl/data/chanib/msg/chat"));

            Document found = carol.command("cmd:msgsrch", "<data><qib criteria=\"THREE\"/></data>");
            assertEquals("three", text(found, "/xccos/rpl/data/msg/chat"));

            Document part = carol.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
            assertEquals(room, text(part, "/xccos/rpl[@id='rpl:part']/data/chanib/@uri"));
            assertEquals(user("carol"), text(alice.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"));
            assertEquals(user("carol"), text(bob.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"));

            // Carol follows the room she left: new content there reaches her as a notice.
            assertEquals(200, bob.post(room, "four").status());
            Document newContent = carol.await("/xccos/ntc[@id='ntc:newcontent']");
            assertEquals(room, text(newContent, "//chanib/@uri"));

            // A client that vanishes (no BYE) is dropped once delivery to it fails.
            carol.close();
            bob.close();
            assertEquals(200, alice.post(room, "anyone?").status());
            assertEquals(user("bob"), text(alice.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"));
        }
        List<MessageView> stored = history.last(owner, room, 10);
        assertEquals(List.of("one <&> \"quoted\"", "two", "three", "four", "anyone?"),
                stored.stream().map(MessageView::text).toList());
    }

    @Test
    void enforcesPrivacyRolesAndPolicy() throws Exception {
        String owner = user("owner");
        String secret = room(owner, "Secret", Privacy.SECRET, RoomType.NORMAL);
        String closed = room(owner, "Members", Privacy.CLOSED, RoomType.NORMAL);
        String stage = room(owner, "Stage", Privacy.OPEN, RoomType.AUDITORIUM);
        try (XccosTestClient eve = XccosTestClient.signIn(user("eve"));
             XccosTestClient boss = XccosTestClient.signIn(owner)) {
            Document search = eve.command("cmd:chansrch", "<data><qib qtype=\"BYNAME\" criteria=\"" + run + "\"/></data>");
            assertFalse(bool(search, "//chanib[@uri='" + secret + "']"), "secret rooms are invisible to non-members");
            assertTrue(bool(search, "//chanib[@uri='" + closed + "']"), "closed rooms are listed");
            assertTrue(bool(boss.command("cmd:chansrch", "<data><qib qtype=\"BYNAME\" criteria=\"" + run + "\"/></data>"),
                    "//chanib[@uri='" + secret + "']"), "members see their secret room");

            assertEquals("403", text(eve.command("cmd:join", "<data>" + chanid(closed, 0) + "</data>"), "//resp/@code"));
            assertEquals("404", text(eve.command("cmd:join", "<data>" + chanid(secret, 0) + "</data>"), "//resp/@code"));
            assertEquals(403, eve.post(closed, "let me in").status(), "no post without joining");

            eve.command("cmd:join", "<data>" + chanid(stage, 0) + "</data>");
            assertEquals(403, eve.post(stage, "from the audience").status(), "only presenters post in an auditorium");
            rooms.grant(owner, stage, RoomRole.PRESENTER, user("eve"));
            assertEquals(200, eve.post(stage, "now presenting").status());
            assertEquals("now presenting", text(eve.await("/xccos/grpchat"), "//chat"));

            String huge = "x".repeat(5000);
            assertEquals(413, eve.post(stage, huge).status(), "over the advertised size limit");
        }
        assertEquals(List.of("now presenting"), history.last(owner, stage, 10).stream().map(MessageView::text).toList());
        assertTrue(history.last(owner, closed, 10).isEmpty());

        String dave = user("dave");
        policies.definePolicy(ADMIN, "No chat " + run, false);
        policies.assignPolicy(ADMIN, dave, "No chat " + run);
        try (XccosTestClient refused = XccosTestClient.connect(dave, XccosTestClient.CHAT_ENDPOINT)) {
            assertEquals(403, refused.invite().status());
        }
    }

    /**
     * Set-CsPersistentChatRoom over REST reaches the people in the room at once (docs/room-changes.md): both get one
     * ntc:chanupd with the room's new chanib. Made closed, the room loses bob: he is taken out (ntc:part naming him)
     * and told nothing more of it, while alice hears the room is private now.
     */
    @Test
    void aRoomsChangeThroughRestReachesEveryoneInIt() throws Exception {
        String alice = "sip:alice@contoso.com";
        String bob = "sip:bob@contoso.com";
        String room = room(alice, "Changing", Privacy.OPEN, RoomType.NORMAL);
        String marker = room(alice, "Marker", Privacy.OPEN, RoomType.NORMAL);
        String path = "/rooms/" + room.substring(room.lastIndexOf('/') + 1);
        WebApiClient web = WebApiClient.as("alice", "secret");
        try (XccosTestClient aliceSip = XccosTestClient.signIn(alice);
             XccosTestClient bobSip = XccosTestClient.signIn(bob)) {
            for (XccosTestClient client : List.of(aliceSip, bobSip)) {
                for (String joined : List.of(room, marker)) {
                    Document join = client.command("cmd:join", "<data>" + chanid(joined, 0) + "</data>");
                    assertEquals("200", text(join, "//resp/@code"), () -> xml(join));
                }
            }

            String etag = web.get(path).headers().firstValue("ETag").orElseThrow();
            var renamed = web.put(path, """
                    {"name": "Changed %s", "description": "what it is now", "topic": "Sprint <13> & more",
                     "privacy": "OPEN", "type": "AUDITORIUM", "invitations": "OFF"}""".formatted(run), "If-Match", etag);
            assertEquals(200, renamed.statusCode(), renamed::body);

            String chanib = "/xccos/ntc[@id='ntc:chanupd']/data/chanib[@uri='" + room + "']";
            for (XccosTestClient client : List.of(aliceSip, bobSip)) {
                Document notice = client.await(chanib);
                assertEquals("Changed " + run, text(notice, chanib + "/@name"), () -> xml(notice));
                assertEquals("what it is now", text(notice, chanib + "/@description"));
                assertEquals("Sprint <13> & more", text(notice, chanib + "/@topic"));
                assertEquals("open", text(notice, chanib + "/info[@id='urn:parlano:ma:info:visibilty']"));
                assertEquals("auditorium", text(notice, chanib + "/info[@id='urn:parlano:ma:info:type']"));
                assertEquals("false", text(notice, chanib + "/prop[@id='urn:parlano:ma:prop:invite']"));
                assertEquals("2", text(notice, chanib + "/info[@id='urn:parlano:ma:info:ucnt']"));
            }

            etag = web.get(path).headers().firstValue("ETag").orElseThrow();
            var closed = web.put(path, """
                    {"name": "Changed %s", "description": "what it is now", "topic": "members only",
                     "privacy": "CLOSED", "type": "AUDITORIUM", "invitations": "OFF"}""".formatted(run), "If-Match", etag);
            assertEquals(200, closed.statusCode(), closed::body);

            Document out = bobSip.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='"
                    + bob + "']");
            assertEquals(bob, text(out, "//chanib/uib/@uri"), () -> xml(out));
            Document toldPrivate = aliceSip.await(chanib);
            assertEquals("private", text(toldPrivate, chanib + "/info[@id='urn:parlano:ma:info:visibilty']"));
            assertEquals("members only", text(toldPrivate, chanib + "/@topic"));
            assertEquals("1", text(toldPrivate, chanib + "/info[@id='urn:parlano:ma:info:ucnt']"), "bob is out first");

            // The room's lane sent bob's part before the change; the marker is bob's next INFO if no chanupd came.
            assertEquals(200, aliceSip.post(marker, "marker").status());
            Document next = bobSip.serverInfo();
            assertEquals(marker, text(next, "/xccos/grpchat/@chanUri"), () -> "got " + xml(next));
        }
    }
}
