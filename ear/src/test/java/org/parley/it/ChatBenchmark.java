package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The chat service under load, not a test: signs in {@code bench.users} clients over loopback TCP
 * (as SIPE does), joins them to rooms of {@code bench.room-size}, posts {@code bench.rate} posts a
 * second for {@code bench.seconds} from clients chosen in turn, and prints posts stored per second,
 * deliveries per second, post-to-delivery latency p50/p99 and the server's heap after the run.
 * Run with the benchmark profile (README); it fails only if deliveries are lost.
 */
@ExtendWith(ArquillianExtension.class)
class ChatBenchmark {

    private static final Pattern MARK = Pattern.compile("bench (\\d+) (\\d+)");

    private final int users = Integer.getInteger("bench.users", 1000);
    private final int roomSize = Integer.getInteger("bench.room-size", 10);
    private final int rate = Integer.getInteger("bench.rate", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final LongAdder deliveries = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final AtomicLong lastDelivery = new AtomicLong();
    private final long[] latencies = new long[4_000_000];
    private final AtomicInteger latencyCount = new AtomicInteger();

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    /** One signed-in client whose own thread reads, answers the server's INFOs 200 and times chat. */
    private final class Client {
        final ClientDialog dialog;
        final RawSip sip;
        final Map<String, CompletableFuture<RawSip.Msg>> responses = new ConcurrentHashMap<>();
        volatile CompletableFuture<RawSip.Msg> reply = new CompletableFuture<>();
        final Thread reader;

        Client(String user) throws IOException {
            sip = RawSip.tcp(SipServer.port());
            dialog = new ClientDialog(sip, XccosTestClient.CHAT_ENDPOINT, false, user);
            reader = new Thread(this::read, "bench-" + user);
            reader.setDaemon(true);
        }

        void read() {
            while (!Thread.currentThread().isInterrupted()) {
                RawSip.Msg msg;
                try {
                    msg = sip.receive();
                } catch (SocketTimeoutException idle) {
                    continue;
                } catch (IOException closed) {
                    return;
                }
                if (!msg.isRequest()) {
                    if (msg.status() >= 200) {
                        CompletableFuture<RawSip.Msg> waiting = responses.remove(msg.header("CSeq"));
                        if (waiting != null) {
                            waiting.complete(msg);
                        }
                    }
                    continue;
                }
                send(msg.ok());
                Matcher mark = MARK.matcher(msg.body());
                if (msg.body().contains("<grpchat") && mark.find()) {
                    long now = System.nanoTime();
                    int slot = latencyCount.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = now - Long.parseLong(mark.group(2));
                    }
                    deliveries.increment();
                    lastDelivery.accumulateAndGet(now, Math::max);
                } else if (msg.body().contains("<rpl")) {
                    reply.complete(msg);
                }
            }
        }

        synchronized void send(String text) {
            try {
                sip.send(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends a request of the dialog; its final response completes the returned future. */
        synchronized CompletableFuture<RawSip.Msg> request(String method, String body, String... headers) {
            String text = dialog.request(method, body, headers);
            CompletableFuture<RawSip.Msg> answer = new CompletableFuture<>();
            responses.put(dialog.cseq() + " " + method, answer);
            send(text);
            return answer;
        }

        void signInAndJoin(String roomUri) throws Exception {
            reader.start();
            String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=message 5060 sip null\r\na=accept-types:text/plain\r\n";
            RawSip.Msg ok = request("INVITE", sdp, "Supported: ms-sender", "Content-Type: application/sdp")
                    .get(30, TimeUnit.SECONDS);
            if (ok.status() != 200) {
                throw new AssertionError("INVITE got " + ok);
            }
            dialog.setToTag(ok.param("To", "tag"));
            dialog.setRemoteTarget(ok.uri("Contact"));
            send(dialog.request("ACK", null));
            reply = new CompletableFuture<>();
            request("INFO", XccosTestClient.envelope("1", "<cmd id=\"cmd:join\" seqid=\"1\"><data>"
                    + XccosTestClient.chanid(roomUri, 0) + "</data></cmd>")).get(30, TimeUnit.SECONDS);
            reply.get(30, TimeUnit.SECONDS);
        }

        void post(String roomUri, long id) {
            String body = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + roomUri + "\" author=\"" + dialog.from()
                    + "\" ts=\"2026-11-28T16:40:45Z\"><chat>bench " + id + " " + System.nanoTime() + "</chat></grpchat>";
            request("INFO", XccosTestClient.envelope(Long.toString(id), body)).thenAccept(answer -> {
                if (answer.status() == 200) {
                    stored.increment();
                }
            });
        }
    }

    @Test
    @RunAsClient
    void chatUnderLoad() throws Exception {
        WebApiClient admin = WebApiClient.as("admin", "parley-admin");
        int roomCount = Math.max(1, users / roomSize);
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            HttpResponse<String> created = admin.post("/rooms", "{\"name\":\"Bench " + run + " " + i
                    + "\",\"privacy\":\"OPEN\"}");
            assertEquals(201, created.statusCode(), created.body());
            rooms.add(WebApiClient.object(created).getString("uri"));
        }
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(new Client("sip:bench" + i + "-" + run + "@contoso.com"));
        }
        // Sign-ins overlap as a crowd arriving does, a bounded number at a time.
        long signInStart = System.nanoTime();
        java.util.concurrent.ExecutorService crowd = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> signIns = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Client client = clients.get(i);
            String room = rooms.get(i % roomCount);
            signIns.add(crowd.submit(() -> {
                client.signInAndJoin(room);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> signIn : signIns) {
            signIn.get(120, TimeUnit.SECONDS);
        }
        crowd.shutdown();
        double signInSeconds = (System.nanoTime() - signInStart) / 1e9;

        int posts = rate * seconds;
        long expected = (long) posts * (users / roomCount);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < posts; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            clients.get(i % users).post(rooms.get(i % users % roomCount), i);
        }
        CountDownLatch never = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (deliveries.sum() < expected && System.nanoTime() < deadline) {
            never.await(20, TimeUnit.MILLISECONDS);
        }
        double postingSeconds = (System.nanoTime() - start) / 1e9;
        double deliverySeconds = (lastDelivery.get() - start) / 1e9;

        ModelNode memory = Operations.createAddress("core-service", "platform-mbean", "type", "memory");
        management.getControllerClient().execute(Operations.createOperation("gc", memory));
        ModelNode heap = management.getControllerClient()
                .execute(Operations.createReadAttributeOperation(memory, "heap-memory-usage"));
        long heapUsed = Operations.readResult(heap).get("used").asLong();

        int measured = Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        System.out.printf("%nPARLEY CHAT BENCHMARK: %d users in %d rooms of %d, %d posts/s for %d s%n", users, roomCount,
                users / roomCount, rate, seconds);
        System.out.printf("  sign-in + join:        %.1f s (%.0f clients/s)%n", signInSeconds, users / signInSeconds);
        System.out.printf("  posts stored:          %d of %d, %.1f posts/s%n", stored.sum(), posts, stored.sum() / postingSeconds);
        System.out.printf("  deliveries:            %d of %d, %.0f deliveries/s%n", deliveries.sum(), expected,
                deliveries.sum() / deliverySeconds);
        System.out.printf("  latency post->deliver: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50),
                percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf("  server heap after GC:  %d MiB%n%n", heapUsed / (1024 * 1024));

        for (Client client : clients) {
            client.reader.interrupt();
            client.sip.close();
        }
        assertEquals(expected, deliveries.sum(), "deliveries lost");
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
