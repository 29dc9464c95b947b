package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.bool;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.count;
import static org.parley.it.XccosTestClient.text;
import static org.parley.it.XccosTestClient.xml;

import java.time.Instant;
import java.util.List;

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

    private final TestRun run = new TestRun();

    @Test
    void signsInLikeALyncClient() throws Exception {
        String alice = run.user("alice");
        String closed = run.room(run.user("owner"), "Closed", Privacy.CLOSED, RoomType.NORMAL);
        String open = run.room(run.user("owner"), "Open", Privacy.OPEN, RoomType.NORMAL);
        rooms.grant(run.user("owner"), closed, RoomRole.MEMBER, alice);
        long invitation = invitations.invite(run.user("owner"), closed, alice).id();

        // Lookup: requri names the chat endpoint.
        try (XccosTestClient lookup = XccosTestClient.connect(alice, XccosTestClient.LOOKUP)) {
            RawSip.Msg ok = lookup.dialog.establish();
            assertThat(ok.header("Session-Expires") != null)
                    .as("Session-Expires on the 200 to INVITE")
                    .isTrue();
            Document requri = lookup.command("cmd:requri", "<data/>");
            assertThat(text(requri, "/xccos/rpl[@id='rpl:requri']/data/uib/@uri"))
                    .isEqualTo(XccosTestClient.CHAT_ENDPOINT);
            lookup.bye();
        }
        try (XccosTestClient client = XccosTestClient.signIn(alice)) {
            Document info =
                    client.command("cmd:getserverinfo", "<data><sib domain=\"contoso.com\" infoType=\"123\"/></data>");
            assertThat(text(info, "/xccos/rpl[@id='rpl:getserverinfo']/resp/@code"))
                    .isEqualTo("200");
            assertThat(text(info, "//sib/@rootUri")).isEqualTo(categories.root().uri());
            assertThat(text(info, "//sib/@infoType")).isEqualTo("123");
            assertThat(Instant.parse(text(info, "//sib/@serverTime"))
                            .isAfter(Instant.now().minusSeconds(60)))
                    .isTrue();

            Document invites =
                    client.command("cmd:getinv", "<data><inv inviteId=\"0\" domain=\"contoso.com\"/></data>");
            assertThat(text(invites, "//inv[@inviteId='" + invitation + "']/@chanUri"))
                    .isEqualTo(closed);
            Document again = client.command(
                    "cmd:getinv", "<data><inv inviteId=\"" + invitation + "\" domain=\"contoso.com\"/></data>");
            assertThat(count(again, "//inv"))
                    .as("only invitations above the inviteId the client names")
                    .isEqualTo(0);

            Document bjoin = client.command(
                    "cmd:bjoin",
                    "<data>" + chanid(closed, 0) + chanid(open, 1)
                            + chanid("ma-chan://contoso.com/00000000-0000-0000-0000-000000000000", 2) + "</data>");
            assertThat(text(bjoin, "//resp/@code")).isEqualTo("200");
            assertThat(count(bjoin, "/xccos/rpl/data/chanib")).isEqualTo(2);
            assertThat(count(bjoin, "/xccos/rpl/data/fib[@key='OPERATION_FAILED']"))
                    .isEqualTo(1);
            assertThat(text(bjoin, "/xccos/rpl/data/uib/@uri")).isEqualTo(alice);

            Document associations = client.command("cmd:getassociations", "<data/>");
            assertThat(bool(associations, "//chanib[@uri='" + closed + "']/aib[@key='3984']"))
                    .as(() -> xml(associations))
                    .isTrue();
            assertThat(bool(associations, "//chanib[@uri='" + open + "']/aib[@key='follow']"))
                    .as("follows what it joined")
                    .isTrue();

            // Anyone the root category's creators name may create rooms (docs/protocol/xccos.md §7.9: 200, empty data).
            Document create = client.command("cmd:nodespermcreatechild", "<data/>");
            assertThat(text(create, "//resp/@code")).as(() -> xml(create)).isEqualTo("200");

            try (XccosTestClient visitor = XccosTestClient.signIn("sip:visitor-" + run.id() + "@fabrikam.com")) {
                Document refused = visitor.attempt("cmd:nodespermcreatechild", "<data/>");
                assertThat(text(refused, "//resp/@code"))
                        .as("no category lets fabrikam.com create rooms")
                        .isEqualTo("403");
            }

            Document unknown = client.attempt("cmd:getlogs", "<data/>");
            assertThat(text(unknown, "/xccos/rpl/@id")).isEqualTo("rpl:getlogs");
            assertThat(text(unknown, "//resp/@code")).isEqualTo("501");
            client.bye();
        }
    }

    /** cmd:getpref / cmd:setpref (docs/protocol/xccos.md §7.9): preferences on the server, the same for all of a user's clients. */
    @Test
    void preferencesAreKeptOnTheServerForAllOfAUsersClients() throws Exception {
        String alice = run.user("alice");
        String label = "kedzie.GroupChannels";
        String channels = java.util.Base64.getEncoder()
                .encodeToString("<channels><chan uri=\"ma-chan://contoso.com/1\"/></channels>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (XccosTestClient desk = XccosTestClient.signIn(alice);
                XccosTestClient laptop = XccosTestClient.signIn(alice)) {
            Document none = desk.attempt("cmd:getpref", "<data><pref label=\"" + label + "\" seqid=\"0\"/></data>");
            assertThat(text(none, "//resp/@code")).as(() -> xml(none)).isEqualTo("404");

            Document created = desk.command(
                    "cmd:getpref", "<data><pref label=\"" + label + "\" seqid=\"0\" createdefault=\"true\"/></data>");
            assertThat(text(created, "/xccos/rpl/data/pref/@content"))
                    .as(() -> xml(created))
                    .isEqualTo("");
            long first = Long.parseLong(text(created, "/xccos/rpl/data/pref/@seqid"));

            Document set = desk.command(
                    "cmd:setpref",
                    "<data><pref label=\"" + label + "\" seqid=\"" + first + "\" createdefault=\"false\" content=\""
                            + channels + "\"/></data>");
            assertThat(text(set, "//resp/@code")).isEqualTo("200");
            assertThat(Long.parseLong(text(set, "/xccos/rpl/data/pref/@seqid")) > first)
                    .as(() -> xml(set))
                    .isTrue();

            Document other = laptop.command(
                    "cmd:getpref", "<data><pref label=\"" + label + "\" seqid=\"0\" createdefault=\"true\"/></data>");
            assertThat(text(other, "/xccos/rpl/data/pref/@content"))
                    .as("the user's other client sees it")
                    .isEqualTo(channels);
            assertThat(text(other, "/xccos/rpl/data/pref/@seqid")).isEqualTo(text(set, "/xccos/rpl/data/pref/@seqid"));

            Document bad = laptop.attempt(
                    "cmd:setpref", "<data><pref label=\"" + label + "\" content=\"not base64!\"/></data>");
            assertThat(text(bad, "//resp/@code")).as(() -> xml(bad)).isEqualTo("400");
            Document kept = desk.command("cmd:getpref", "<data><pref label=\"" + label + "\"/></data>");
            assertThat(text(kept, "/xccos/rpl/data/pref/@content"))
                    .as("bad input leaves the value as it was")
                    .isEqualTo(channels);
        }
        try (XccosTestClient bob = XccosTestClient.signIn(run.user("bob"))) {
            Document theirs = bob.attempt("cmd:getpref", "<data><pref label=\"" + label + "\"/></data>");
            assertThat(text(theirs, "//resp/@code"))
                    .as("one user's preferences are theirs alone")
                    .isEqualTo("404");
        }
    }

    @Test
    void threeClientsChatInOrderWithEchoNoticesAndHistory() throws Exception {
        String owner = run.user("owner");
        String room = run.room(owner, "Team", Privacy.OPEN, RoomType.NORMAL);
        try (XccosTestClient alice = XccosTestClient.signIn(run.user("alice"));
                XccosTestClient bob = XccosTestClient.signIn(run.user("bob"));
                XccosTestClient carol = XccosTestClient.signIn(run.user("carol"))) {
            Document search = alice.command(
                    "cmd:chansrch",
                    "<data><qib qtype=\"BYNAME\" criteria=\"Team " + run.id() + "\" extended=\"false\"/></data>");
            assertThat(text(search, "//chanib/@uri")).isEqualTo(room);
            assertThat(text(search, "//chanib/info[@id='urn:parlano:ma:info:visibilty']"))
                    .isEqualTo("open");

            Document join = alice.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            assertThat(text(join, "//chanib/@name")).isEqualTo("Team " + run.id());
            bob.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            Document noticeOfBob = alice.await("/xccos/ntc[@id='ntc:join']");
            assertThat(text(noticeOfBob, "//uib/@uri")).isEqualTo(run.user("bob"));
            assertThat(text(noticeOfBob, "//uib/aib/@value")).isEqualTo(room.substring(room.lastIndexOf('/') + 1));
            carol.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            alice.await("/xccos/ntc[@id='ntc:join']");
            bob.await("/xccos/ntc[@id='ntc:join']");

            List<String> texts = List.of("one <&> \"quoted\"", "two", "three");
            for (String text : texts) {
                assertThat(alice.post(room, text).status()).isEqualTo(200);
            }
            for (XccosTestClient member : List.of(alice, bob, carol)) {
                for (String expected : texts) {
                    Document chat = member.await("/xccos/grpchat");
                    assertThat(text(chat, "/xccos/grpchat/chat"))
                            .as(member.user + " gets posts in order")
                            .isEqualTo(expected);
                    assertThat(text(chat, "/xccos/grpchat/@author")).isEqualTo(run.user("alice"));
                    assertThat(text(chat, "/xccos/grpchat/@chanUri")).isEqualTo(room);
                }
            }

            Document backchat = bob.command(
                    "cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><last cnt=\"2\"/></bcq></data>");
            assertThat(count(backchat, "/xccos/rpl/data/chanib/msg[@id='grpchat']"))
                    .isEqualTo(2);
            assertThat(text(backchat, "/xccos/rpl/data/chanib/msg[1]/chat")).isEqualTo("two");
            String secondId = text(backchat, "/xccos/rpl/data/chanib/msg[1]/@msgid");
            Document older = bob.command(
                    "cmd:bccontext",
                    "<data><chanib uri=\"" + room + "\"/><bcq><before msgid=\"" + secondId
                            + "\" cnt=\"10\"/></bcq></data>");
            assertThat(text(older, "/xccos/rpl/data/chanib/msg/chat")).isEqualTo("one <&> \"quoted\"");

            Document found = carol.command("cmd:msgsrch", "<data><qib criteria=\"THREE\"/></data>");
            assertThat(text(found, "/xccos/rpl/data/msg/chat")).isEqualTo("three");

            Document part = carol.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
            assertThat(text(part, "/xccos/rpl[@id='rpl:part']/data/chanib/@uri"))
                    .isEqualTo(room);
            assertThat(text(alice.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"))
                    .isEqualTo(run.user("carol"));
            assertThat(text(bob.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"))
                    .isEqualTo(run.user("carol"));

            // Carol follows the room she left: new content there reaches her as a notice.
            assertThat(bob.post(room, "four").status()).isEqualTo(200);
            Document newContent = carol.await("/xccos/ntc[@id='ntc:newcontent']");
            assertThat(text(newContent, "//chanib/@uri")).isEqualTo(room);

            // A client that vanishes (no BYE) is dropped once delivery to it fails.
            carol.close();
            bob.close();
            assertThat(alice.post(room, "anyone?").status()).isEqualTo(200);
            assertThat(text(alice.await("/xccos/ntc[@id='ntc:part']"), "//chanib/uib/@uri"))
                    .isEqualTo(run.user("bob"));
        }
        List<MessageView> stored = history.last(owner, room, 10);
        assertThat(stored.stream().map(MessageView::text).toList())
                .isEqualTo(List.of("one <&> \"quoted\"", "two", "three", "four", "anyone?"));
    }

    @Test
    void enforcesPrivacyRolesAndPolicy() throws Exception {
        String owner = run.user("owner");
        String secret = run.room(owner, "Secret", Privacy.SECRET, RoomType.NORMAL);
        String closed = run.room(owner, "Members", Privacy.CLOSED, RoomType.NORMAL);
        String stage = run.room(owner, "Stage", Privacy.OPEN, RoomType.AUDITORIUM);
        try (XccosTestClient eve = XccosTestClient.signIn(run.user("eve"));
                XccosTestClient boss = XccosTestClient.signIn(owner)) {
            Document search =
                    eve.command("cmd:chansrch", "<data><qib qtype=\"BYNAME\" criteria=\"" + run.id() + "\"/></data>");
            assertThat(bool(search, "//chanib[@uri='" + secret + "']"))
                    .as("secret rooms are invisible to non-members")
                    .isFalse();
            assertThat(bool(search, "//chanib[@uri='" + closed + "']"))
                    .as("closed rooms are listed")
                    .isTrue();
            assertThat(bool(
                            boss.command(
                                    "cmd:chansrch",
                                    "<data><qib qtype=\"BYNAME\" criteria=\"" + run.id() + "\"/></data>"),
                            "//chanib[@uri='" + secret + "']"))
                    .as("members see their secret room")
                    .isTrue();

            assertThat(text(eve.command("cmd:join", "<data>" + chanid(closed, 0) + "</data>"), "//resp/@code"))
                    .isEqualTo("403");
            assertThat(text(eve.command("cmd:join", "<data>" + chanid(secret, 0) + "</data>"), "//resp/@code"))
                    .isEqualTo("404");
            assertThat(eve.post(closed, "let me in").status())
                    .as("no post without joining")
                    .isEqualTo(403);

            eve.command("cmd:join", "<data>" + chanid(stage, 0) + "</data>");
            assertThat(eve.post(stage, "from the audience").status())
                    .as("only presenters post in an auditorium")
                    .isEqualTo(403);
            rooms.grant(owner, stage, RoomRole.PRESENTER, run.user("eve"));
            assertThat(eve.post(stage, "now presenting").status()).isEqualTo(200);
            assertThat(text(eve.await("/xccos/grpchat"), "//chat")).isEqualTo("now presenting");

            String huge = "x".repeat(5000);
            assertThat(eve.post(stage, huge).status())
                    .as("over the advertised size limit")
                    .isEqualTo(413);
        }
        assertThat(history.last(owner, stage, 10).stream()
                        .map(MessageView::text)
                        .toList())
                .isEqualTo(List.of("now presenting"));
        assertThat(history.last(owner, closed, 10)).isEmpty();

        String dave = run.user("dave");
        policies.definePolicy(ADMIN, "No chat " + run.id(), false);
        policies.assignPolicy(ADMIN, dave, "No chat " + run.id());
        try (XccosTestClient refused = XccosTestClient.connect(dave, XccosTestClient.CHAT_ENDPOINT)) {
            assertThat(refused.invite().status()).isEqualTo(403);
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
        String room = run.room(alice, "Changing", Privacy.OPEN, RoomType.NORMAL);
        String marker = run.room(alice, "Marker", Privacy.OPEN, RoomType.NORMAL);
        String path = "/rooms/" + room.substring(room.lastIndexOf('/') + 1);
        WebApiClient web = WebApiClient.as("alice", "secret");
        try (XccosTestClient aliceSip = XccosTestClient.signIn(alice);
                XccosTestClient bobSip = XccosTestClient.signIn(bob)) {
            for (XccosTestClient client : List.of(aliceSip, bobSip)) {
                for (String joined : List.of(room, marker)) {
                    Document join = client.command("cmd:join", "<data>" + chanid(joined, 0) + "</data>");
                    assertThat(text(join, "//resp/@code")).as(() -> xml(join)).isEqualTo("200");
                }
            }

            String etag = web.get(path).headers().firstValue("ETag").orElseThrow();
            var renamed = web.put(path, """
                    {"name": "Changed %s", "description": "what it is now", "topic": "Sprint <13> & more",
                     "privacy": "OPEN", "type": "AUDITORIUM", "invitations": "OFF"}""".formatted(run.id()), "If-Match", etag);
            assertThat(renamed.statusCode()).as(renamed::body).isEqualTo(200);

            String chanib = "/xccos/ntc[@id='ntc:chanupd']/data/chanib[@uri='" + room + "']";
            for (XccosTestClient client : List.of(aliceSip, bobSip)) {
                Document notice = client.await(chanib);
                assertThat(text(notice, chanib + "/@name"))
                        .as(() -> xml(notice))
                        .isEqualTo("Changed " + run.id());
                assertThat(text(notice, chanib + "/@description")).isEqualTo("what it is now");
                assertThat(text(notice, chanib + "/@topic")).isEqualTo("Sprint <13> & more");
                assertThat(text(notice, chanib + "/info[@id='urn:parlano:ma:info:visibilty']"))
                        .isEqualTo("open");
                assertThat(text(notice, chanib + "/info[@id='urn:parlano:ma:info:type']"))
                        .isEqualTo("auditorium");
                assertThat(text(notice, chanib + "/prop[@id='urn:parlano:ma:prop:invite']"))
                        .isEqualTo("false");
                assertThat(text(notice, chanib + "/info[@id='urn:parlano:ma:info:ucnt']"))
                        .isEqualTo("2");
            }

            etag = web.get(path).headers().firstValue("ETag").orElseThrow();
            var closed = web.put(path, """
                    {"name": "Changed %s", "description": "what it is now", "topic": "members only",
                     "privacy": "CLOSED", "type": "AUDITORIUM", "invitations": "OFF"}""".formatted(run.id()), "If-Match", etag);
            assertThat(closed.statusCode()).as(closed::body).isEqualTo(200);

            Document out =
                    bobSip.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='" + bob + "']");
            assertThat(text(out, "//chanib/uib/@uri")).as(() -> xml(out)).isEqualTo(bob);
            Document toldPrivate = aliceSip.await(chanib);
            assertThat(text(toldPrivate, chanib + "/info[@id='urn:parlano:ma:info:visibilty']"))
                    .isEqualTo("private");
            assertThat(text(toldPrivate, chanib + "/@topic")).isEqualTo("members only");
            assertThat(text(toldPrivate, chanib + "/info[@id='urn:parlano:ma:info:ucnt']"))
                    .as("bob is out first")
                    .isEqualTo("1");

            // The room's lane sent bob's part before the change; the marker is bob's next INFO if no chanupd came.
            assertThat(aliceSip.post(marker, "marker").status()).isEqualTo(200);
            Document next = bobSip.serverInfo();
            assertThat(text(next, "/xccos/grpchat/@chanUri"))
                    .as(() -> "got " + xml(next))
                    .isEqualTo(marker);
        }
    }
}
