package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.parley.it.XccosTestClient.chanid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.PostService;
import org.parley.chat.application.RoomService;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.compliance.application.ComplianceDispatcher;
import org.parley.compliance.application.ComplianceException;
import org.parley.compliance.infrastructure.JpaComplianceArchive;
import org.parley.compliance.infrastructure.XmlComplianceAdapter;

/**
 * The compliance pipeline end to end (the suite runs with compliance on, adapters xml and jsonl):
 * chat over real SIP becomes events on the queue, the MDB stores them, a run hands them to both
 * adapters and only then deletes them; a post whose transaction rolls back leaves no event; a
 * poison message ends in the dead-letter queue; an uploaded file is copied to the compliance file
 * store and the adapters' output names the copy; the dispatch timer is kept in the compliance database.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ComplianceIT.class, Eventually.class, WebApiClient.class, ComplianceRuns.class);
    }

    @EJB
    private RoomService rooms;

    @EJB
    private PostService posts;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceDLQ")
    private Queue deadLetters;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    private Queue events;

    @Resource(lookup = "java:jboss/datasources/ParleyComplianceDS")
    private DataSource complianceStore;

    private final TestRun run = new TestRun();
    private final ComplianceRuns compliance = new ComplianceRuns();

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the adapter has written so far, as one text, in the order it was delivered: a file's name
     * holds its first and last event id, and since delivery goes by round (events that committed late come in
     * a later round, whatever their id) names no longer sort in delivery order; the files' times do.
     */
    private static String written(String adapter) {
        return ComplianceRuns.finished(ComplianceRuns.output(adapter)).stream()
                .sorted(Comparator.comparing(ComplianceIT::modified).thenComparing(Comparator.naturalOrder()))
                .map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.joining("\n"));
    }

    /** What the XML adapter really wrote on this server validates against the schema it documents. */
    private static void assertEveryXmlBatchValidates() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator validator = factory.newSchema(
                        XmlComplianceAdapter.class.getClassLoader().getResource(XmlComplianceAdapter.SCHEMA))
                .newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<Path> batches = ComplianceRuns.finished(ComplianceRuns.output("xml")).stream()
                .filter(f -> f.getFileName().toString().endsWith(".xml"))
                .toList();
        assertThat(batches).as("the XML adapter wrote nothing").isNotEmpty();
        for (Path batch : batches) {
            validator.validate(new StreamSource(batch.toFile()));
        }
    }

    /** Runs the compliance service until the XML and JSON Lines adapters have written their markers. */
    private String deliveredUntil(String xmlMarker, String jsonMarker) throws Exception {
        return compliance.runUntil(
                Duration.ofSeconds(60),
                () -> written("xml"),
                xml -> xml.contains(xmlMarker) && written("jsonl").contains(jsonMarker));
    }

    @Test
    void chatOverSipReachesBothAdaptersAndRolledBackPostsNever() throws Exception {
        String alice = run.user("alice");
        String room = run.room(alice, "Audited", Privacy.OPEN);

        transaction.begin();
        posts.post(alice, room, "rolled back " + run.id(), Instant.now());
        transaction.rollback();

        try (XccosTestClient client = XccosTestClient.signIn(alice)) {
            client.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            assertThat(client.post(room, "on the record " + run.id()).status()).isEqualTo(200);
            client.await("/xccos/grpchat");
            client.command("cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><last cnt=\"5\"/></bcq></data>");
            client.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
            assertThat(client.post(room, "after part " + run.id()).status())
                    .as("posting after part is refused")
                    .isEqualTo(403);
        }
        // Something after the part in the same room, so its arrival proves everything before it arrived.
        rooms.disable(alice, room);

        String xml = deliveredUntil(
                "type=\"ROOM_DISABLED\" actor=\"" + alice, "\"type\":\"ROOM_DISABLED\",\"actor\":\"" + alice + "\"");
        String ofRoom = written("xml");
        for (String type : new String[] {"ROOM_CREATED", "JOIN", "CHAT", "BACKCHAT", "PART", "ROOM_DISABLED"}) {
            assertThat(ofRoom).as(type + " missing:\n" + ofRoom).contains("type=\"" + type + "\" actor=\"" + alice);
        }
        assertThat(ofRoom).as(ofRoom).contains("<text>on the record " + run.id() + "</text>");
        assertThat(ofRoom.indexOf("type=\"JOIN\" actor=\"" + alice) < ofRoom.indexOf("<text>on the record " + run.id()))
                .as("events of a room keep their order")
                .isTrue();
        assertThat(xml).as("a rolled-back post has no event").doesNotContain("rolled back " + run.id());
        assertThat(written("jsonl")).contains("\"text\":\"on the record " + run.id() + "\"");
    }

    /** Reads of message text outside a room's history view are archived too (issue #11). */
    @Test
    void aMessageSearchOverSipAndAnAdministratorsExportAreArchived() throws Exception {
        String alice = run.user("alice");
        String room = run.room(alice, "Searched", Privacy.OPEN);
        posts.post(alice, room, "findable " + run.id(), Instant.now());
        try (XccosTestClient client = XccosTestClient.signIn(alice)) {
            client.command(
                    "cmd:msgsrch",
                    "<data><qib criteria=\"findable " + run.id() + "\" chanUri=\"" + room + "\" limit=\"10\"/></data>");
        }
        String searched = deliveredUntil(
                "type=\"MESSAGE_SEARCH\" actor=\"" + alice + "\"",
                "\"type\":\"MESSAGE_SEARCH\",\"actor\":\"" + alice + "\"");
        int at = searched.indexOf("type=\"MESSAGE_SEARCH\" actor=\"" + alice);
        assertThat(at > 0).as(searched).isTrue();
        String event = searched.substring(at, searched.indexOf("</event>", at));
        assertThat(event).as(event).contains("<detail name=\"hits\" value=\"1\"/>");
        assertThat(event).as(event).contains("<text>findable " + run.id() + "</text>");

        Instant before = Instant.now();
        HttpResponse<String> export = WebApiClient.as("admin", "parley-admin").get("/admin/export");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        Pattern exported = Pattern.compile("type=\"STORE_EXPORTED\" actor=\"[^\"]+\" time=\"([^\"]+)\"");
        compliance.runUntil(Duration.ofSeconds(60), () -> written("xml"), xml -> exported.matcher(xml)
                .results()
                .anyMatch(match -> !Instant.parse(match.group(1)).isBefore(before)));
        assertEveryXmlBatchValidates();
    }

    @Test
    void anUploadedFileIsCopiedToTheComplianceFileStoreAndTheEventPointsAtIt() throws Exception {
        HttpResponse<String> room = WebApiClient.as("alice", "secret")
                .post("/rooms", "{\"name\": \"Compliance files " + run.id() + "\", \"privacy\": \"OPEN\"}");
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        byte[] content = ("minutes of " + run.id() + "\n").repeat(500).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(WebApiClient.BASE + "/rooms/"
                                        + WebApiClient.object(room).getString("id") + "/files/minutes.txt"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "alice:secret".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "text/plain")
                                .timeout(Duration.ofSeconds(60))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(WebApiClient.object(upload).getString("sha256")).isEqualTo(sha256);

        // Made before the upload committed: there as soon as the upload has answered.
        String key = sha256.substring(0, 2) + "/" + sha256;
        Path copy =
                Path.of(System.getProperty("parley.compliance.filestore.dir")).resolve(key);
        assertThat(Files.isRegularFile(copy))
                .as("no compliance copy at " + copy)
                .isTrue();
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);
        assertThat(copy.startsWith(Path.of(System.getProperty("parley.filestore.dir"))))
                .as("the compliance copy is not the chat's file")
                .isFalse();

        String reference = "<detail name=\"complianceFile\" value=\"" + key + "\"/>";
        String xml = deliveredUntil(reference, "\"complianceFile\":\"" + key + "\"");
        int at = xml.indexOf(reference);
        String event = xml.substring(xml.lastIndexOf("<event ", at), at);
        assertThat(event).as(event).contains("type=\"FILEUPLOAD\" actor=\"sip:alice@contoso.com\"");
        assertThat(xml.indexOf("<detail name=\"sha256\" value=\"" + sha256 + "\"/>", xml.lastIndexOf("<event ", at))
                        > 0)
                .as("the event carries the file's hash")
                .isTrue();

        // A download by another reader is archived too, after the upload, in the same room's conversation.
        long fileId = WebApiClient.object(upload).getJsonNumber("id").longValue();
        HttpResponse<String> download = WebApiClient.as("bob", "secret").get("/files/" + fileId);
        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        String downloaded = "type=\"FILEDOWNLOAD\" actor=\"sip:bob@contoso.com\"";
        // Awaited after the upload's event: earlier tests' downloads by bob are in the archive already.
        String afterDownload = compliance.runUntil(
                Duration.ofSeconds(60), () -> written("xml"), delivered -> delivered.indexOf(downloaded, at) > at);
        assertThat(afterDownload.indexOf(downloaded, at) > at)
                .as("the download follows the upload")
                .isTrue();
        assertEveryXmlBatchValidates();
    }

    /** configure-timers.cli: the dispatch timer lives in the compliance database, once, for every node of the pool. */
    @Test
    void theDispatchTimerIsKeptOnceInTheComplianceDatabase() throws Exception {
        List<String> timers = new ArrayList<>();
        try (Connection connection = complianceStore.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select TIMED_OBJECT_ID, PARTITION_NAME from JBOSS_EJB_TIMER where TIMED_OBJECT_ID like ?")) {
            query.setString(1, "%ComplianceDispatcher%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    timers.add(rows.getString(1) + " in " + rows.getString(2));
                }
            }
        }
        assertThat(timers.size()).as("timers: " + timers).isEqualTo(1);
        assertThat(timers.get(0)).as(timers.get(0)).endsWith(" in parley");
    }

    /** Nodes of a pool share the compliance store: while one node's run holds the lease, another's is refused. */
    @Test
    void aRunIsRefusedWhileAnotherNodeHoldsTheDispatchLease() throws Exception {
        JpaComplianceArchive archive = compliance.archive();
        ComplianceDispatcher dispatcher = compliance.dispatcher();
        String otherNode = "other-node-" + run.id();
        assertThat(archive.takeDispatchLease(otherNode, Instant.now(), Duration.ofMinutes(5)))
                .isTrue();
        try {
            assertThatExceptionOfType(ComplianceException.class).isThrownBy(dispatcher::runNow);
            HttpResponse<String> overHttp =
                    WebApiClient.as("admin", "parley-admin").post("/admin/compliance/run", "");
            assertThat(overHttp.statusCode()).as(overHttp.body()).isEqualTo(409);
            assertThat(archive.takeDispatchLease("yet-another-" + run.id(), Instant.now(), Duration.ofMinutes(5)))
                    .as("one holder at a time")
                    .isFalse();
        } finally {
            archive.releaseDispatchLease(otherNode);
        }
        dispatcher.runNow();
        // A lease that ran out (its node died mid-run) is taken over.
        assertThat(archive.takeDispatchLease(
                        otherNode, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5)))
                .isTrue();
        assertThat(archive.takeDispatchLease("taking-over-" + run.id(), Instant.now(), Duration.ofMinutes(5)))
                .isTrue();
        archive.releaseDispatchLease("taking-over-" + run.id());
        dispatcher.runNow();
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
        String poison = "not an event " + run.id();
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer().send(events, poison);
        }
        Eventually.await(
                Duration.ofSeconds(60),
                () -> {
                    try (JMSContext jms = connections.createContext();
                            QueueBrowser browser = jms.createBrowser(deadLetters)) {
                        Enumeration<?> messages = browser.getEnumeration();
                        while (messages.hasMoreElements()) {
                            if (poison.equals(((Message) messages.nextElement()).getBody(String.class))) {
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                found -> found);
    }
}
