package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.PostService;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.BatchDelivery;
import org.parley.compliance.application.ComplianceDispatcher;
import org.parley.compliance.infrastructure.JpaComplianceArchive;
import org.parley.it.adapter.FlakyComplianceAdapter;

/**
 * An adapter whose archive is down for two runs, then back: it gets the same batch again until it
 * takes it, each event exactly once in its output, nothing deleted before it has it, and the
 * administrator API shows the failures meanwhile. The adapter is a test-only EJB jar added to the
 * deployment and switched on by name through the adapters property, as an operator would.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceDeliveryIT {

    private static final String ADAPTERS = "parley.compliance.adapters";

    @Deployment
    static EnterpriseArchive deployment() {
        JavaArchive adapter =
                ShrinkWrap.create(JavaArchive.class, "parley-test-adapter.jar").addClass(FlakyComplianceAdapter.class);
        return ParleyDeployment.ear(
                        ComplianceDeliveryIT.class, Eventually.class, WebApiClient.class, ComplianceRuns.class)
                .addAsModule(adapter);
    }

    @EJB
    private PostService posts;

    @EJB
    private FlakyComplianceAdapter flaky;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/ParleyComplianceQueue")
    private Queue queue;

    private final TestRun run = new TestRun();
    private final ComplianceRuns compliance = new ComplianceRuns();
    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");

    @Test
    void anAdapterThatFailsTwiceGetsTheBatchAgainAndTakesEveryEventOnce() throws Exception {
        ComplianceDispatcher dispatcher = compliance.dispatcher();
        JpaComplianceArchive archive = compliance.archive();
        String alice = run.user("alice");
        String room = run.room(alice, "Flaky", Privacy.OPEN);
        int posted = 5;
        for (int i = 0; i < posted; i++) {
            posts.post(alice, room, "flaky " + run.id() + " #" + i, null);
        }
        int ours = posted + 1;
        // Everything on its way is stored before the runs, so the backlog is exactly what the runs see.
        Eventually.await(
                Duration.ofSeconds(60),
                () -> queued() == 0 && ofRoom(archive, room).size() == ours,
                done -> done);
        long failuresBefore = failuresInStatus();

        String configured = System.getProperty(ADAPTERS);
        int triedBefore = flaky.deliveriesTried();
        flaky.failNext(2);
        // The same JVM property the management model's /system-property=parley.compliance.adapters sets.
        System.setProperty(ADAPTERS, configured + "," + FlakyComplianceAdapter.NAME);
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                BatchDelivery.Outcome failed = dispatcher.runNow();
                assertThat(failed.failures())
                        .as("run " + attempt + " fails, for the flaky adapter only")
                        .isEqualTo(1);
                assertThat(ofRoom(archive, room).size())
                        .as("nothing leaves the store before every adapter has it")
                        .isEqualTo(ours);
                JsonObject status = WebApiClient.object(admin.get("/admin/compliance"));
                JsonObject adapter = adapter(status);
                assertThat(adapter.getJsonNumber("failures").longValue())
                        .as(status.toString())
                        .isEqualTo(failuresBefore + attempt);
                assertThat(adapter.getString("lastError")).as(status.toString()).contains("archive unreachable");
                assertThat(status.getJsonNumber("backlogEvents").longValue() >= ours)
                        .as(status.toString())
                        .isTrue();
            }
            assertThat(written()).as("a failed delivery writes nothing").isEqualTo(List.of());
            assertThat(flaky.deliveriesTried())
                    .as("a failing adapter is not pressed further in a run")
                    .isEqualTo(triedBefore + 2);

            BatchDelivery.Outcome succeeded = dispatcher.runNow();
            assertThat(succeeded.failures()).isEqualTo(0);
            assertThat(succeeded.delivered() >= ours)
                    .as("the third run delivers: " + succeeded)
                    .isTrue();

            List<JsonObject> lines = written();
            Map<String, Long> timesByEvent = lines.stream()
                    .collect(Collectors.groupingBy(
                            line -> line.getJsonObject("event").getString("id"), Collectors.counting()));
            assertThat(timesByEvent.values().stream().allMatch(times -> times == 1))
                    .as("no event written twice: " + timesByEvent)
                    .isTrue();
            Set<Long> archiveIds = lines.stream()
                    .map(line -> line.getJsonNumber("archiveId").longValue())
                    .collect(Collectors.toSet());
            assertThat(archiveIds.size()).as("no archive id written twice").isEqualTo(lines.size());
            List<String> ourTexts = lines.stream()
                    .map(line -> line.getJsonObject("event"))
                    .filter(event -> room.equals(event.getString("roomUri", null)))
                    .map(event -> event.getString("type") + ":" + event.getString("text", ""))
                    .sorted()
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < posted; i++) {
                expected.add("CHAT:flaky " + run.id() + " #" + i);
            }
            expected.add("ROOM_CREATED:");
            assertThat(ourTexts)
                    .as("each of the room's events exactly once")
                    .isEqualTo(expected.stream().sorted().toList());

            JsonObject status = WebApiClient.object(admin.get("/admin/compliance"));
            JsonObject adapter = adapter(status);
            assertThat(adapter.getJsonNumber("failures").longValue())
                    .as(status.toString())
                    .isEqualTo(failuresBefore + 2);
            assertThat(!adapter.containsKey("lastError") || adapter.isNull("lastError"))
                    .as("a success clears the error: " + status)
                    .isTrue();
            assertThat(status.getJsonNumber("backlogEvents").longValue())
                    .as("every adapter has everything, so the store is empty: " + status)
                    .isEqualTo(0);
            assertThat(ofRoom(archive, room)).isEqualTo(List.of());
        } finally {
            System.setProperty(ADAPTERS, configured);
            flaky.failNext(0);
        }
    }

    private JsonObject adapter(JsonObject status) {
        return status.getJsonArray("adapters").stream()
                .map(JsonObject.class::cast)
                .filter(a -> FlakyComplianceAdapter.NAME.equals(a.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + FlakyComplianceAdapter.NAME + " in " + status));
    }

    private long failuresInStatus() throws Exception {
        JsonObject status = WebApiClient.object(admin.get("/admin/compliance"));
        return status.getJsonArray("adapters").stream()
                .map(JsonObject.class::cast)
                .filter(a -> FlakyComplianceAdapter.NAME.equals(a.getString("name")))
                .mapToLong(a -> a.getJsonNumber("failures").longValue())
                .findFirst()
                .orElse(0);
    }

    /** The room's events still in the compliance store. */
    private static List<ArchivedRecord> ofRoom(JpaComplianceArchive archive, String room) {
        return archive.after(0, Integer.MAX_VALUE).stream()
                .filter(r -> room.equals(r.event().roomUri()))
                .toList();
    }

    private int queued() {
        try (JMSContext jms = connections.createContext();
                QueueBrowser browser = jms.createBrowser(queue)) {
            int count = 0;
            for (var messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line the flaky adapter has written, in file order. */
    private static List<JsonObject> written() {
        return ComplianceRuns.finished(FlakyComplianceAdapter.directory()).stream()
                .sorted()
                .flatMap(f -> {
                    try {
                        return Files.readAllLines(f).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .filter(line -> !line.isBlank())
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .toList();
    }
}
