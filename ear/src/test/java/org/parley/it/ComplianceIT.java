package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.XccosTestClient.chanid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.PostService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.compliance.application.ComplianceDispatcher;

/**
 * The compliance pipeline end to end (the suite runs with compliance on, adapters xml and jsonl):
 * chat over real SIP becomes events on the queue, the MDB stores them, a run hands them to both
 * adapters and only then deletes them; a post whose transaction rolls back leaves no event; a
 * poison message ends in the dead-letter queue.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ComplianceIT.class, Eventually.class);
    }

    @EJB
    private RoomService rooms;
    @EJB
    private CategoryService categories;
    @EJB
    private PostService posts;
    @EJB
    private ComplianceDispatcher dispatcher;
    @Resource
    private UserTransaction transaction;
    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connections;
    @Resource(lookup = "java:/jms/queue/ParleyComplianceDLQ")
    private Queue deadLetters;
    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    private Queue events;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static Path output(String adapter) {
        return Path.of(System.getProperty("parley.compliance.output-dir"), adapter);
    }

    /** Everything the adapter has written so far, as one text. */
    private static String written(String adapter) {
        Path folder = output(adapter);
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().filter(f -> !f.getFileName().toString().startsWith(".")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the compliance service until the XML and JSON Lines adapters have written their markers. */
    private String deliveredUntil(String xmlMarker, String jsonMarker) throws Exception {
        return Eventually.await(Duration.ofSeconds(60), () -> {
            dispatcher.runNow();
            return written("xml");
        }, xml -> xml.contains(xmlMarker) && written("jsonl").contains(jsonMarker));
    }

    @Test
    void chatOverSipReachesBothAdaptersAndRolledBackPostsNever() throws Exception {
        String alice = "sip:alice-" + run + "@contoso.com";
        String room = rooms.createRoom(alice, new NewRoom("Audited " + run, "", categories.root().uri(), Privacy.OPEN,
                RoomType.NORMAL)).uri();

        transaction.begin();
        posts.post(alice, room, "rolled back " + run, Instant.now());
        transaction.rollback();

        try (XccosTestClient client = XccosTestClient.signIn(alice)) {
            client.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            assertEquals(200, client.post(room, "on the record " + run).status());
            client.await("/xccos/grpchat");
            client.command("cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><last cnt=\"5\"/></bcq></data>");
            client.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
            assertEquals(403, client.post(room, "after part " + run).status(), "posting after part is refused");
        }
        // Something after the part in the same room, so its arrival proves everything before it arrived.
        rooms.disable(alice, room);

        String xml = deliveredUntil("type=\"ROOM_DISABLED\" actor=\"" + alice,
                "\"type\":\"ROOM_DISABLED\",\"actor\":\"" + alice + "\"");
        String ofRoom = written("xml");
        for (String type : new String[] {"ROOM_CREATED", "JOIN", "CHAT", "BACKCHAT", "PART", "ROOM_DISABLED"}) {
            assertTrue(ofRoom.contains("type=\"" + type + "\" actor=\"" + alice), type + " missing:\n" + ofRoom);
        }
        assertTrue(ofRoom.contains("<text>on the record " + run + "</text>"), ofRoom);
        assertTrue(ofRoom.indexOf("type=\"JOIN\" actor=\"" + alice) < ofRoom.indexOf("<text>on the record " + run),
                "events of a room keep their order");
        assertFalse(xml.contains("rolled back " + run), "a rolled-back post has no event");
        assertTrue(written("jsonl").contains("\"text\":\"on the record " + run + "\""));
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
        String poison = "not an event " + run;
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer().send(events, poison);
        }
        Eventually.await(Duration.ofSeconds(60), () -> {
            try (JMSContext jms = connections.createContext(); QueueBrowser browser = jms.createBrowser(deadLetters)) {
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
        }, found -> found);
    }
}
