package org.parley.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.FailureInfo;
import org.parley.xccos.DataItem.FileToken;
import org.parley.xccos.DataItem.HistoryMessage;
import org.parley.xccos.DataItem.InvitationInfo;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.DataItem.ServerInfo;
import org.parley.xccos.DataItem.UserInfo;

/**
 * Bodies are the bytes of docs/protocol/real-client.md (pidgin-sipe against a reference server):
 * what a real client sends must parse, and what we write must be what the client read.
 */
class XccosCodecTest {

    private static final String ROOM = "ma-chan://contoso.com/71207b61-b8bb-45a7-9cc5-b925c2ba2028";
    private static final String HEAD = "<xccos xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ver=\"1\" envid=\"7962449779256945001\" "
            + "xmlns=\"urn:parlano:xml:ns:xccos\">";

    /** A room's props: no invitations, history kept, no file posting. */
    private static final List<Property> NO_INVITATIONS_LOGGED_NO_FILES = List.of(
            new Property(XccosNames.PROP_INVITE, "false"),
            new Property(XccosNames.PROP_LOGGED, "true"),
            new Property(XccosNames.PROP_FILE_POST, "false"));

    private final XccosCodec codec = new XccosCodec();

    /** The sib of the codec's examples, with the room management URL given (none when null). */
    private static ServerInfo serverInfo(String roomManagementUrl) {
        return new ServerInfo(
                "123",
                Instant.parse("2010-09-14T14:26:17.620Z"),
                999,
                512,
                4096,
                "ma-cat://contoso.com/11111111-2222-3333-4444-555555555555",
                "V1",
                roomManagementUrl);
    }

    private Inbound parseOne(String body) {
        XccosCodec.Envelope envelope = codec.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.items()).hasSize(1);
        return envelope.items().get(0);
    }

    // ------------------------------------------------------------ client bodies (A.3 - A.8)

    @Test
    void readsRequri() {
        Inbound in = parseOne("<xccos ver=\"1\" envid=\"1331762711\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:requri\" seqid=\"1\"><data/></cmd></xccos>");
        assertThat(in).isEqualTo(new Command.RequestUri(new CommandRef("1331762711", "1")));
        assertThat(((Command) in).replyId()).isEqualTo("rpl:requri");
    }

    @Test
    void readsGetinvWithTheLastSeenInvitation() {
        Inbound in = parseOne(
                "<xccos ver=\"1\" envid=\"1331762712\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                        + "<cmd id=\"cmd:getinv\" seqid=\"1\"><data><inv inviteId=\"1\" domain=\"contoso.com\"/></data></cmd></xccos>");
        assertThat(in).isEqualTo(new Command.GetInvitations(new CommandRef("1331762712", "1"), 1, "contoso.com"));
    }

    @Test
    void readsChansrch() {
        Inbound in = parseOne(
                "<xccos ver=\"1\" envid=\"1331762713\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                        + "<cmd id=\"cmd:chansrch\" seqid=\"1\"><data><qib qtype=\"BYNAME\" criteria=\"\" extended=\"false\"/></data></cmd></xccos>");
        assertThat(in).isEqualTo(new Command.ChannelSearch(new CommandRef("1331762713", "1"), "BYNAME", "", false));
    }

    @Test
    void readsJoinAndBjoin() {
        Inbound join = parseOne("<xccos ver=\"1\" envid=\"1331762714\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"contoso.com\" "
                + "value=\"71207b61-b8bb-45a7-9cc5-b925c2ba2028\"/></data></cmd></xccos>");
        Command.Join typed = (Command.Join) join;
        assertThat(typed.batch()).isFalse();
        assertThat(typed.channels()).extracting(ChannelId::uri).containsExactly(ROOM);
        assertThat(typed.replyId()).isEqualTo("rpl:join");

        Inbound bjoin = parseOne("<xccos xmlns=\"urn:parlano:xml:ns:xccos\" ver=\"1\" envid=\"9\">"
                + "<cmd id=\"cmd:bjoin\" seqid=\"1\"><data><chanid key=\"0\" domain=\"contoso.com\" value=\"a\"/>"
                + "<chanid key=\"1\" domain=\"contoso.com\" value=\"b\"/></data></cmd></xccos>");
        assertThat(((Command.Join) bjoin).batch()).isTrue();
        assertThat(((Command.Join) bjoin).channels()).extracting(ChannelId::key).containsExactly(0, 1);
        assertThat(((Command) bjoin).replyId()).isEqualTo("rpl:bjoin");
    }

    @Test
    void readsBccontextAndOurPagingForm() {
        Inbound in = parseOne("<xccos ver=\"1\" envid=\"1331762715\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM
                + "\"/><bcq><last cnt=\"25\"/></bcq>"
                + "</data></cmd></xccos>");
        assertThat(in).isEqualTo(new Command.BackChatContext(new CommandRef("1331762715", "1"), ROOM, 25, null));
        Inbound unnamed = parseOne("<xccos ver=\"1\" envid=\"3\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/><bcq><last/></bcq>"
                + "</data></cmd></xccos>");
        assertThat(unnamed)
                .as("no count named: the server's default applies")
                .isEqualTo(new Command.BackChatContext(new CommandRef("3", "1"), ROOM, null, null));

        Inbound paging = parseOne("<xccos ver=\"1\" envid=\"2\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:bccontext\" seqid=\"1\"><data><chanib uri=\"" + ROOM
                + "\"/><bcq><before msgid=\"40\" cnt=\"10\"/>"
                + "</bcq></data></cmd></xccos>");
        assertThat(paging).isEqualTo(new Command.BackChatContext(new CommandRef("2", "1"), ROOM, 10, 40L));
    }

    @Test
    void readsPart() {
        Inbound in = parseOne("<xccos ver=\"1\" envid=\"1331762717\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:part\" seqid=\"1\"><data><chanib uri=\"" + ROOM + "\"/></data></cmd></xccos>");
        assertThat(in).isEqualTo(new Command.Part(new CommandRef("1331762717", "1"), ROOM));
    }

    @Test
    void readsAPostWithEveryEscapingAClientUses() {
        Inbound in = parseOne("<xccos ver=\"1\" envid=\"1331762716\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + ROOM + "\" author=\"sip:alice@contoso.com\" "
                + "ts=\"2026-11-28T16:40:45Z\"><chat>Build &lt;42&gt; is green &amp; deployed, it&apos;s &quot;done&quot; "
                + "&#39;x&#39;\r\nline two</chat></grpchat></xccos>");
        Post post = (Post) in;
        assertThat(post.channelUri()).isEqualTo(ROOM);
        assertThat(post.author()).isEqualTo("sip:alice@contoso.com");
        assertThat(post.clientTime()).isEqualTo(Instant.parse("2026-11-28T16:40:45Z"));
        assertThat(post.text()).isEqualTo("Build <42> is green & deployed, it's \"done\" 'x'\nline two");
    }

    @Test
    void refusesAPostWithoutItsTime() {
        assertThatThrownBy(() -> parseOne("<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                        + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + ROOM
                        + "\" author=\"sip:a@b\"><chat>x</chat></grpchat></xccos>"))
                .isInstanceOf(XccosException.class)
                .hasMessageContaining("ts");
    }

    @Test
    void readsTheOtherCommandsOfTheCaptures() {
        String wrap = "<xccos ver=\"1\" envid=\"139132352\" xmlns=\"urn:parlano:xml:ns:xccos\">%s</xccos>";
        assertThat(parseOne(String.format(
                        wrap,
                        "<cmd id=\"cmd:getserverinfo\" seqid=\"1\"><data>"
                                + "<sib domain=\"contoso.com\" infoType=\"123\"/></data></cmd>")))
                .isEqualTo(new Command.GetServerInfo(new CommandRef("139132352", "1"), "contoso.com", "123"));
        Command.GetFileToken token = (Command.GetFileToken) parseOne(String.format(
                wrap,
                "<cmd id=\"cmd:getfutok\" seqid=\"1\"><data><ftdb channelUri=\"" + ROOM
                        + "\" fileUrl=\"plan.pdf\"/></data></cmd>"));
        assertThat(token.upload()).isTrue();
        assertThat(token.replyId()).isEqualTo("rpl:getftok");
        assertThat(token.fileUrl()).isEqualTo("plan.pdf");
        assertThat(parseOne(String.format(wrap, "<cmd id=\"cmd:nodespermcreatechild\" seqid=\"1\"><data/></cmd>")))
                .isInstanceOf(Command.CreatePermission.class);
        assertThat(parseOne(String.format(wrap, "<cmd id=\"cmd:getassociations\" seqid=\"1\"><data/></cmd>")))
                .isInstanceOf(Command.GetAssociations.class);
        // The 2010 Group Chat client's, as logged (docs/protocol/xccos.md §7.9).
        assertThat(
                        parseOne(
                                String.format(
                                        wrap,
                                        "<cmd id=\"cmd:getpref\" seqid=\"1\"><data>"
                                                + "<pref label=\"kedzie.GroupChannels\" seqid=\"71\" createdefault=\"true\"/></data></cmd>")))
                .isEqualTo(new Command.GetPreference(
                        new CommandRef("139132352", "1"), "kedzie.GroupChannels", "71", true));
        assertThat(parseOne(String.format(
                        wrap,
                        "<cmd id=\"cmd:setpref\" seqid=\"1\"><data>"
                                + "<pref label=\"kedzie.GroupChannels\" seqid=\"71\" createdefault=\"false\" content=\"PGEvPg==\"/>"
                                + "</data></cmd>")))
                .isEqualTo(new Command.SetPreference(
                        new CommandRef("139132352", "1"), "kedzie.GroupChannels", "71", "PGEvPg=="));
        assertThatThrownBy(() -> parseOne(String.format(wrap, "<cmd id=\"cmd:getpref\" seqid=\"1\"><data/></cmd>")))
                .isInstanceOf(XccosException.class)
                .hasMessageContaining("pref");
        Command unknown = (Command) parseOne(String.format(wrap, "<cmd id=\"cmd:getlogs\" seqid=\"71\"><data/></cmd>"));
        assertThat(unknown).isEqualTo(new Command.Unknown(new CommandRef("139132352", "71"), "cmd:getlogs"));
        assertThat(unknown.replyId()).isEqualTo("rpl:getlogs");
    }

    @Test
    void readsByNamespaceNotByPrefixAndAttributesInAnyCase() {
        Inbound in = parseOne("<x:xccos xmlns:x=\"urn:parlano:xml:ns:xccos\" ENVID=\"5\" ver=\"1\">"
                + "<x:cmd ID=\"cmd:part\" SeqId=\"3\"><x:data><x:chanib URI=\"" + ROOM
                + "\"/></x:data></x:cmd></x:xccos>");
        assertThat(in).isEqualTo(new Command.Part(new CommandRef("5", "3"), ROOM));
    }

    // ------------------------------------------------------------ hostile and broken input

    @Test
    void refusesDtdsAndEntityExpansion() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE xccos [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><grpchat id=\"grpchat\" seqid=\"1\" "
                + "chanUri=\"" + ROOM
                + "\" author=\"sip:a@b\" ts=\"2024-01-01T00:00:00Z\"><chat>&b;</chat></grpchat></xccos>";
        assertThatThrownBy(() -> codec.parse(billionLaughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XccosException.class);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<!DOCTYPE xccos [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><grpchat id=\"grpchat\" seqid=\"1\" "
                + "chanUri=\"" + ROOM
                + "\" author=\"sip:a@b\" ts=\"2024-01-01T00:00:00Z\"><chat>&secret;</chat></grpchat></xccos>";
        assertThatThrownBy(() -> codec.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XccosException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void refusesDeepNesting() {
        String deep =
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:part\" seqid=\"1\">"
                        + "<data>".repeat(40) + "</data>".repeat(40) + "</cmd></xccos>";
        assertThatThrownBy(() -> codec.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XccosException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void refusesOversizedBodiesBeforeParsing() {
        XccosCodec small = new XccosCodec(new XccosCodec.Limits(1024, 16, 100));
        String big =
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><grpchat id=\"grpchat\" seqid=\"1\" "
                        + "chanUri=\"" + ROOM + "\" author=\"sip:a@b\" ts=\"2024-01-01T00:00:00Z\"><chat>"
                        + "x".repeat(2000)
                        + "</chat></grpchat></xccos>";
        assertThatThrownBy(() -> small.parse(big.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XccosException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void refusesTooManyElements() {
        XccosCodec small = new XccosCodec(new XccosCodec.Limits(64 * 1024, 16, 50));
        String many =
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:bjoin\" seqid=\"1\"><data>"
                        + "<chanid key=\"0\" domain=\"d\" value=\"v\"/>".repeat(60) + "</data></cmd></xccos>";
        assertThatThrownBy(() -> small.parse(many.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XccosException.class)
                .hasMessageContaining("elements");
    }

    @Test
    void refusesWhatIsNotXccos() {
        for (String body : List.of(
                "",
                "not xml",
                "<xccos ver=\"1\" envid=\"1\">",
                "<other xmlns=\"urn:parlano:xml:ns:xccos\" envid=\"1\"/>",
                "<xccos ver=\"1\" envid=\"1\"><cmd id=\"cmd:part\"/></xccos>",
                "<xccos ver=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:requri\"/></xccos>",
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"/>",
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><rpl id=\"rpl:join\"/></xccos>",
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:join\" seqid=\"1\"><data/></cmd></xccos>",
                "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:getinv\" seqid=\"1\">"
                        + "<data><inv inviteId=\"x\"/></data></cmd></xccos>")) {
            assertThatThrownBy(() -> codec.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(XccosException.class);
        }
    }

    // ------------------------------------------------------------ server bodies, byte for byte

    private String write(Outbound item) {
        return codec.writeString("7962449779256945001", item);
    }

    @Test
    void writesRplRequriAsTheClientReadIt() {
        Command requri = new Command.RequestUri(new CommandRef("1331762711", "1"));
        assertThat(write(Reply.ok(requri, UserInfo.of("sip:GC-1-PersistentChatService-1@contoso.com"))))
                .isEqualTo(HEAD + "<rpl id=\"rpl:requri\" seqid=\"1\"><commandid seqid=\"1\" envid=\"1331762711\"/>"
                        + "<resp code=\"200\">SUCCESS_OK</resp><data><uib uri=\"sip:GC-1-PersistentChatService-1@contoso.com\"/>"
                        + "</data></rpl></xccos>");
    }

    @Test
    void writesAnEmptyRplGetinv() {
        Command getinv = new Command.GetInvitations(new CommandRef("1331762712", "1"), 1, "contoso.com");
        assertThat(write(Reply.ok(getinv)))
                .isEqualTo(
                        HEAD + "<rpl id=\"rpl:getinv\" seqid=\"1\">"
                                + "<commandid seqid=\"1\" envid=\"1331762712\"/><resp code=\"200\">SUCCESS_OK</resp><data/></rpl></xccos>");
    }

    @Test
    void writesRplGetprefWithThePreference() {
        Command getpref =
                new Command.GetPreference(new CommandRef("1331762712", "1"), "kedzie.GroupChannels", "71", true);
        assertThat(write(Reply.ok(getpref, new DataItem.Preference("kedzie.GroupChannels", 72, "PGEvPg=="))))
                .isEqualTo(HEAD + "<rpl id=\"rpl:getpref\" seqid=\"1\"><commandid seqid=\"1\" envid=\"1331762712\"/>"
                        + "<resp code=\"200\">SUCCESS_OK</resp><data><pref label=\"kedzie.GroupChannels\" seqid=\"72\""
                        + " content=\"PGEvPg==\"/></data></rpl></xccos>");
    }

    @Test
    void writesRplChansrch() {
        Command search = new Command.ChannelSearch(new CommandRef("1331762713", "1"), "BYNAME", "", false);
        ChannelInfo room = new ChannelInfo(
                ROOM,
                "Dev Room",
                "Developers & testers",
                null,
                List.of(
                        new Property(XccosNames.INFO_USER_COUNT, "0"),
                        new Property(XccosNames.INFO_VISIBILITY, "open")),
                NO_INVITATIONS_LOGGED_NO_FILES,
                List.of(),
                List.of());
        assertThat(write(Reply.ok(search, room)))
                .isEqualTo(HEAD + "<rpl id=\"rpl:chansrch\" seqid=\"1\">"
                        + "<commandid seqid=\"1\" envid=\"1331762713\"/><resp code=\"200\">SUCCESS_OK</resp><data>"
                        + "<chanib uri=\"" + ROOM + "\" name=\"Dev Room\" description=\"Developers &amp; testers\">"
                        + "<info id=\"urn:parlano:ma:info:ucnt\">0</info><info id=\"urn:parlano:ma:info:visibilty\">open</info>"
                        + "<prop id=\"urn:parlano:ma:prop:invite\">false</prop><prop id=\"urn:parlano:ma:prop:logged\">true</prop>"
                        + "<prop id=\"urn:parlano:ma:prop:filepost\">false</prop></chanib></data></rpl></xccos>");
    }

    @Test
    void writesRplJoin() {
        Command join = new Command.Join(new CommandRef("1331762714", "1"), false, List.of());
        ChannelInfo room = new ChannelInfo(
                ROOM,
                "Dev Room",
                null,
                "Sprint 12",
                List.of(),
                List.of(),
                List.of(new Affiliation(XccosNames.AFFILIATION_MEMBER, "0", null)),
                List.of());
        assertThat(write(Reply.ok(join, UserInfo.numbered(0, "sip:alice@contoso.com"), room)))
                .isEqualTo(HEAD + "<rpl id=\"rpl:join\" seqid=\"1\"><commandid seqid=\"1\" envid=\"1331762714\"/>"
                        + "<resp code=\"200\">SUCCESS_OK</resp><data><uib id=\"0\" uri=\"sip:alice@contoso.com\"/>"
                        + "<chanib uri=\"" + ROOM
                        + "\" name=\"Dev Room\" topic=\"Sprint 12\"><aib key=\"3984\" value=\"0\"/>"
                        + "</chanib></data></rpl></xccos>");
    }

    @Test
    void writesRplBccontextWithHistory() {
        Command bccontext = new Command.BackChatContext(new CommandRef("1331762715", "1"), ROOM, 25, null);
        ChannelInfo room = ChannelInfo.history(
                ROOM,
                List.of(new HistoryMessage(
                        ROOM, "sip:bob@contoso.com", Instant.parse("2024-04-30T08:00:00Z"), "morning all", null)));
        assertThat(write(Reply.ok(bccontext, room)))
                .isEqualTo(HEAD + "<rpl id=\"rpl:bccontext\" seqid=\"1\">"
                        + "<commandid seqid=\"1\" envid=\"1331762715\"/><resp code=\"200\">SUCCESS_OK</resp><data>"
                        + "<chanib uri=\"" + ROOM + "\"><msg id=\"grpchat\" chanUri=\"" + ROOM
                        + "\" author=\"sip:bob@contoso.com\" "
                        + "ts=\"2024-04-30T08:00:00Z\"><chat>morning all</chat></msg></chanib></data></rpl></xccos>");
    }

    @Test
    void writesRplPartEchoingTheUri() {
        Command part = new Command.Part(new CommandRef("1331762717", "1"), ROOM);
        assertThat(write(Reply.ok(part, ChannelInfo.uriOnly(ROOM))))
                .isEqualTo(HEAD + "<rpl id=\"rpl:part\" seqid=\"1\">"
                        + "<commandid seqid=\"1\" envid=\"1331762717\"/><resp code=\"200\">SUCCESS_OK</resp><data>"
                        + "<chanib uri=\"" + ROOM + "\"/></data></rpl></xccos>");
    }

    @Test
    void writesNtcJoin() {
        Notice notice = new Notice(
                Notice.JOIN,
                List.of(new UserInfo(
                        null,
                        "sip:bob@contoso.com",
                        List.of(new Affiliation(
                                XccosNames.AFFILIATION_MEMBER,
                                "7cd5b509-536a-4a21-ba87-5b2144800e11",
                                "contoso.com")))));
        assertThat(write(notice))
                .isEqualTo(HEAD + "<ntc id=\"ntc:join\"><data><uib uri=\"sip:bob@contoso.com\">"
                        + "<aib key=\"3984\" domain=\"contoso.com\" value=\"7cd5b509-536a-4a21-ba87-5b2144800e11\"/></uib></data>"
                        + "</ntc></xccos>");
    }

    @Test
    void writesNtcPart() {
        Notice notice =
                new Notice(Notice.PART, List.of(new ChannelUsers(ROOM, List.of(UserInfo.of("sip:bob@contoso.com")))));
        assertThat(write(notice))
                .isEqualTo(HEAD + "<ntc id=\"ntc:part\"><data><chanib uri=\"" + ROOM + "\">"
                        + "<uib uri=\"sip:bob@contoso.com\"/></chanib></data></ntc></xccos>");
    }

    /** A room's change: the room's whole chanib, as rpl:chansrch lists it, topic and escaping included. */
    @Test
    void writesNtcChanupdWithTheRoomsNewDescription() {
        ChannelInfo room = new ChannelInfo(
                ROOM,
                "Dev \"Room\"",
                "Developers & testers",
                "Sprint <13>",
                List.of(
                        new Property(XccosNames.INFO_USER_COUNT, "2"),
                        new Property(XccosNames.INFO_VISIBILITY, "private"),
                        new Property(XccosNames.INFO_TYPE, "auditorium")),
                NO_INVITATIONS_LOGGED_NO_FILES,
                List.of(),
                List.of());
        assertThat(write(new Notice(Notice.ROOM_CHANGED, List.of(room))))
                .isEqualTo(HEAD + "<ntc id=\"ntc:chanupd\">"
                        + "<data><chanib uri=\"" + ROOM
                        + "\" name=\"Dev &quot;Room&quot;\" description=\"Developers &amp; testers\""
                        + " topic=\"Sprint &lt;13&gt;\">"
                        + "<info id=\"urn:parlano:ma:info:ucnt\">2</info><info id=\"urn:parlano:ma:info:visibilty\">private</info>"
                        + "<info id=\"urn:parlano:ma:info:type\">auditorium</info>"
                        + "<prop id=\"urn:parlano:ma:prop:invite\">false</prop><prop id=\"urn:parlano:ma:prop:logged\">true</prop>"
                        + "<prop id=\"urn:parlano:ma:prop:filepost\">false</prop></chanib></data></ntc></xccos>");
    }

    @Test
    void writesAChatMessageThatReadsBackAsThePost() {
        String text = "Build <42> is green & deployed, it's \"done\"\r\nnext line";
        ChatMessage echo =
                new ChatMessage(ROOM, "sip:alice@contoso.com", Instant.parse("2026-11-28T16:40:45.123456Z"), text);
        String body = write(echo);
        assertThat(body)
                .isEqualTo(HEAD + "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + ROOM + "\" "
                        + "author=\"sip:alice@contoso.com\" ts=\"2026-11-28T16:40:45.123Z\"><chat>Build &lt;42&gt; is green "
                        + "&amp; deployed, it's \"done\"&#13;\nnext line</chat></grpchat></xccos>");
        // What a client would read back, carriage return included.
        Post readBack = (Post) parseOne(body);
        assertThat(readBack.text()).isEqualTo(text);
        assertThat(readBack.clientTime()).isEqualTo(Instant.parse("2026-11-28T16:40:45.123Z"));
    }

    @Test
    void writesTheRemainingShapes() {
        Command info = new Command.GetServerInfo(new CommandRef("7", "1"), "contoso.com", "123");
        assertThat(write(Reply.ok(info, serverInfo(null))))
                .contains(
                        "<rpl id=\"rpl:getserverinfo\" seqid=\"1\">",
                        "<sib infoType=\"123\" serverTime=\"2010-09-14T14:26:17.620Z\" "
                                + "searchLimit=\"999\" messageSizeLimit=\"512\" storySizeLimit=\"4096\" "
                                + "rootUri=\"ma-cat://contoso.com/11111111-2222-3333-4444-555555555555\" dbVersion=\"V1\"/>");
        assertThat(write(Reply.ok(info, serverInfo("https://chat.contoso.com/rooms?a=1&b=2"))))
                .as("a room management URL, escaped, only when set")
                .contains("dbVersion=\"V1\" roomManagementUrl=\"https://chat.contoso.com/rooms?a=1&amp;b=2\"/>");
        Command token = new Command.GetFileToken(new CommandRef("139132352", "1"), false, ROOM, "plan.pdf");
        assertThat(write(Reply.ok(token, new FileToken("abc", "https://pool/PersistentChat/MGCWebService.asmx"))))
                .contains(
                        "<rpl id=\"rpl:getftok\" seqid=\"1\"><commandid seqid=\"1\" envid=\"139132352\"/>",
                        "<data><token token=\"abc\" serveruri=\"https://pool/PersistentChat/MGCWebService.asmx\"/></data>");
        Command bjoin = new Command.Join(new CommandRef("8", "1"), true, List.of());
        assertThat(write(Reply.ok(bjoin, new FailureInfo(XccosNames.FAILURE_OPERATION_FAILED, "guid", "contoso.com"))))
                .contains("<data><fib key=\"OPERATION_FAILED\" value=\"guid\" domain=\"contoso.com\"/></data>");
        Command getinv = new Command.GetInvitations(new CommandRef("9", "1"), 0, "contoso.com");
        assertThat(write(Reply.ok(
                        getinv,
                        new InvitationInfo(
                                4, ROOM, "Dev Room", "sip:bob@contoso.com", Instant.parse("2024-01-01T00:00:00Z")))))
                .contains("<inv inviteId=\"4\" chanUri=\"" + ROOM
                        + "\" name=\"Dev Room\" inviter=\"sip:bob@contoso.com\" ts=\"2024-01-01T00:00:00Z\"/>");
        assertThat(write(Reply.error(getinv, Result.forbidden("You may not do that"))))
                .contains("<resp code=\"403\">You may not do that</resp><data/>");
    }

    @Test
    void neverMixesKindsInOneEnvelope() {
        Command requri = new Command.RequestUri(new CommandRef("1", "1"));
        assertThatThrownBy(() -> codec.write("1", List.of(Reply.ok(requri), new Notice(Notice.JOIN, List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        ChatMessage chat = new ChatMessage(ROOM, "sip:a@b", Instant.EPOCH, "x");
        assertThatThrownBy(() -> codec.write("1", List.of(chat, chat))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(codec.write("1", List.of(Reply.ok(requri), Reply.ok(requri))), StandardCharsets.UTF_8))
                .containsOnlyOnce("<xccos")
                .contains("</rpl><rpl");
    }

    @Test
    void readsEveryTimeFormInUse() {
        assertThat(Timestamps.parse("2010-09-14T14:26:17.6206356Z"))
                .isEqualTo(Instant.parse("2010-09-14T14:26:17.6206356Z"));
        assertThat(Timestamps.parse("2024-05-01T12:34:56Z")).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
        assertThat(Timestamps.parse("2024-05-01T12:34:56")).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
        assertThat(Timestamps.parse("2024-05-01T14:34:56+02:00")).isEqualTo(Instant.parse("2024-05-01T12:34:56Z"));
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(XccosException.class);
    }
}
