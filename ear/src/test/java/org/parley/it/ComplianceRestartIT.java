package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server restart with a backlog loses nothing: events still on the compliance queue (its consumer
 * paused) and events in the compliance store not yet delivered both reach the adapters after the
 * server is stopped and started again, each exactly once.
 *
 * <p>The server here is a real second life of the same installation: the container
 * {@value #CONTAINER} of arquillian.xml, started and stopped by this test, on a base directory this
 * test prepares once (a copy of the installation's standalone/) and that is kept between stop and
 * start, unlike the suite's container, whose clean copy is made again at every start. It runs in a
 * failsafe execution of its own (profile restart-its in ear/pom.xml, on by default), since the suite's
 * server holds the same ports while the other integration tests run.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = ComplianceRestartIT.CONTAINER)
@RunAsClient
class ComplianceRestartIT {

    static final String CONTAINER = "wildfly-restartable";
    private static final String DEPLOYMENT = "parley-restart";
    private static final Duration BOUND = Duration.ofSeconds(120);

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static Path base() {
        return Path.of(System.getProperty("parley.test.restart.base"));
    }

    /** A fresh copy of the configured installation's standalone/, made once: the restart must not renew it. */
    @BeforeAll
    static void freshServerBase() throws IOException {
        Path base = base();
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Path installed = Path.of(System.getProperty("jboss.home"), "standalone");
        Files.walkFileTree(installed, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(base.resolve(installed.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, base.resolve(installed.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void eventsOnThePausedQueueAndInTheStoreSurviveARestartAndArriveOnce() throws Exception {
        controller.start(CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            try (ModelControllerClient management = management()) {
                // Stored, not yet delivered: the interval is a day and nobody asks for a run.
                List<String> stored = createRooms("stored", 5);
                Eventually.await(BOUND, () -> backlog(), count -> count >= stored.size());
                Eventually.await(BOUND, () -> queued(management), count -> count == 0);
                long storedBacklog = backlog();
                assertThat(storedBacklog >= stored.size())
                        .as("in the compliance store: " + storedBacklog)
                        .isTrue();

                // On the queue: its consumer, the compliance MDB, paused.
                invoke(management, queue("pause"));
                List<String> queued = createRooms("queued", 5);
                // Relayed from the chat store's outbox in batches: one message may carry all five.
                Eventually.await(BOUND, () -> outbox(), count -> count == 0);
                assertThat(queued(management) >= 1).as("still on the queue").isTrue();
                assertThat(backlog())
                        .as("the paused queue hands nothing to the store")
                        .isEqualTo(storedBacklog);

                controller.stop(CONTAINER);
                assertThat(Files.isDirectory(base().resolve("data/activemq/journal")))
                        .as("the broker's journal is on disk")
                        .isTrue();

                controller.start(CONTAINER);
                // The pause is not part of the journal; should a broker keep it, resuming here is the operator's step.
                try (ModelControllerClient again = management()) {
                    if (invoke(again, queue("read-attribute", "name", "paused")).asBoolean()) {
                        invoke(again, queue("resume"));
                    }
                    Eventually.await(BOUND, () -> queued(again), count -> count == 0);
                }
                HttpResponse<String> ran = admin.post("/admin/compliance/run", "");
                assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);

                List<String> expected = new ArrayList<>(stored);
                expected.addAll(queued);
                Map<String, Long> created = roomsCreatedInOutput();
                for (String room : expected) {
                    assertThat(created.getOrDefault(room, 0L))
                            .as(room + " in the output exactly once: " + created)
                            .isEqualTo(1L);
                }
                assertThat(created.size())
                        .as("only this test's rooms: " + created)
                        .isEqualTo(expected.size());
                assertThat(backlog())
                        .as("every event delivered to every adapter")
                        .isEqualTo(0);
            }
        } finally {
            try {
                deployer.undeploy(DEPLOYMENT);
            } finally {
                controller.stop(CONTAINER);
            }
        }
    }

    private List<String> createRooms(String phase, int count) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "Restart " + run + " " + phase + " " + i;
            HttpResponse<String> created = alice.post("/rooms", "{\"name\": \"" + name + "\", \"privacy\": \"OPEN\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            names.add(name);
        }
        return names;
    }

    /** Events recorded by the chat service and not yet relayed to the queue. */
    private long outbox() {
        return status("outboxEvents");
    }

    private long backlog() {
        return status("backlogEvents");
    }

    private long status(String count) {
        try {
            HttpResponse<String> status = admin.get("/admin/compliance");
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            return WebApiClient.object(status).getJsonNumber(count).longValue();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the compliance status", e);
        }
    }

    /** ROOM_CREATED events of this test's rooms in the JSON Lines output, by room name, with how often each appears. */
    private Map<String, Long> roomsCreatedInOutput() throws IOException {
        Path folder = base().resolve("data/parley/compliance/jsonl");
        List<JsonObject> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        events.add(Json.createReader(new StringReader(line))
                                .readObject()
                                .getJsonObject("event"));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return events.stream()
                .filter(event -> "ROOM_CREATED".equals(event.getString("type")))
                .map(event -> event.getString("roomName", ""))
                .filter(name -> name.startsWith("Restart " + run + " "))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
    }

    private static ModelControllerClient management() throws IOException {
        return ModelControllerClient.Factory.create("127.0.0.1", 9990);
    }

    private static ModelNode queue(String operation, String... parameters) {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        ModelNode address = op.get("address");
        address.add("subsystem", "messaging-activemq");
        address.add("server", "default");
        address.add("jms-queue", "ParleyComplianceQueue");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            op.get(parameters[i]).set(parameters[i + 1]);
        }
        return op;
    }

    private static long queued(ModelControllerClient management) {
        return invoke(management, queue("read-attribute", "name", "message-count"))
                .asLong();
    }

    private static ModelNode invoke(ModelControllerClient management, ModelNode operation) {
        try {
            ModelNode outcome = management.execute(operation);
            if (!"success".equals(outcome.get("outcome").asString())) {
                throw new IllegalStateException(operation + " failed: " + outcome);
            }
            return outcome.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
