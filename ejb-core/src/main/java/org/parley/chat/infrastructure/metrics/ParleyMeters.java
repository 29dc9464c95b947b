package org.parley.chat.infrastructure.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.parley.chat.domain.shared.ChatException;

/**
 * Every meter of Parley's own, in one place, so that the names an operator's dashboards and alerts use are
 * defined once (docs: README "Operations"; the dashboard under {@code docs/monitoring/}). Meters are registered in
 * the server's Micrometer registry (WildFly's Micrometer subsystem), which serves them in Prometheus's text format
 * on the management interface's {@code /metrics}; Micrometer turns {@code parley.posts} into
 * {@code parley_posts_total}, a timer into {@code _seconds_bucket}/{@code _count}/{@code _sum}/{@code _max}.
 *
 * <p>Cheap enough to leave on: the hot path only increments counters created once (a {@code LongAdder} each) and
 * records timers with a dozen fixed buckets; gauges are computed when Prometheus scrapes, not per message. Label
 * values are bounded: refusal reasons are the chat failure reasons, adapters the configured ones, rooms only the
 * busiest few ({@code parley_room_sessions}).
 */
@ApplicationScoped
public class ParleyMeters {

    private static final Logger LOG = Logger.getLogger(ParleyMeters.class.getName());

    /**
     * Prometheus histogram buckets for latencies on the chat path: the post path's targets (10 ms, 50 ms at p99)
     * and a fan-out's (200 ms, 1 s) fall on bucket edges.
     */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(20),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    /** Why a post was refused: the chat failure reasons, a malformed post, or a failure of the server. */
    public static final String REFUSED_MALFORMED = "malformed";

    public static final String REFUSED_ERROR = "error";

    /** Why a delivery failed. */
    public enum DeliveryFailure {
        /** The recipient's dialog had ended before the INFO was sent. */
        ENDED,
        /** The client answered the INFO with an error (481, 487, ...) or the SIP layer could not send it. */
        FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    MeterRegistry registry;

    private final List<Meter> registered = new ArrayList<>();

    private Counter postsAccepted;
    private final Map<ChatException.Reason, Counter> postsRefused = new EnumMap<>(ChatException.Reason.class);
    private Counter postsMalformed;
    private Counter postsFailed;
    private Timer postResponse;
    private Counter deliveries;
    private final Map<DeliveryFailure, Counter> deliveryFailures = new EnumMap<>(DeliveryFailure.class);
    private Timer postDelivery;
    private Counter signInBusy;
    private final Map<String, Counter> ntlmSignIns = new ConcurrentHashMap<>();
    private Counter filesUploaded;
    private Counter filesDownloaded;
    private Counter bytesUploaded;
    private Counter bytesDownloaded;
    private Counter complianceQueued;
    private Counter complianceStored;
    private final Map<String, Counter> complianceDelivered = new ConcurrentHashMap<>();

    /** Meters on a registry of the caller's, for tests and tools outside the server. */
    public static ParleyMeters on(MeterRegistry registry) {
        ParleyMeters meters = new ParleyMeters();
        meters.registry = registry;
        meters.register();
        return meters;
    }

    /** Meters nobody reads: for unit tests of code that records. */
    public static ParleyMeters none() {
        return on(new SimpleMeterRegistry());
    }

    @PostConstruct
    void register() {
        registry = serverRegistry(registry);
        postsAccepted = keep(Counter.builder("parley.posts")
                .description("Posts received, by outcome and reason")
                .tags("outcome", "accepted", "reason", "none")
                .register(registry));
        for (ChatException.Reason reason : ChatException.Reason.values()) {
            postsRefused.put(reason, refusedPosts(reason.name().toLowerCase(Locale.ROOT)));
        }
        postsMalformed = refusedPosts(REFUSED_MALFORMED);
        postsFailed = refusedPosts(REFUSED_ERROR);
        postResponse = latency(
                "parley.post.response",
                "From a post's arrival at its handler to its final response (200 once stored, or refused)");
        deliveries = counter("parley.deliveries", "Posts sent to a recipient's session (one per recipient)");
        for (DeliveryFailure failure : DeliveryFailure.values()) {
            deliveryFailures.put(
                    failure,
                    keep(Counter.builder("parley.deliveries.failed")
                            .description("Deliveries that did not reach their recipient, by reason")
                            .tag("reason", failure.label())
                            .register(registry)));
        }
        postDelivery =
                latency("parley.post.delivery", "From a post's storing to its sending to each recipient on this node");
        signInBusy = keep(Counter.builder("parley.sip.overload.responses")
                .description("503 answers Parley sent, by where")
                .tag("where", "sign_in")
                .register(registry));
        for (String[] outcome : new String[][] {
            {"success", "none"},
            {"failure", "bad_credentials"},
            {"failure", "malformed"},
            {"failure", "wrong_user"},
            {"refused", "locked_out"},
            {"refused", "not_in_directory"},
            {"refused", "tls_required"}
        }) {
            ntlmSignInCounter(outcome[0], outcome[1]);
        }
        filesUploaded = counter("parley.files.uploaded", "Files stored in rooms");
        filesDownloaded = counter("parley.files.downloaded", "File downloads served");
        bytesUploaded = fileBytes("upload");
        bytesDownloaded = fileBytes("download");
        complianceQueued = counter(
                "parley.compliance.events.queued",
                "Compliance events written to the outbox with the change they record");
        complianceStored =
                counter("parley.compliance.events.stored", "Compliance events stored in the compliance archive");
    }

    /**
     * The registry Parley's meters go to. WildFly 39 gives a deployment an {@code ApplicationRegistry}: it passes
     * on to the server's registry (the one the Prometheus endpoint reads) only the meters made through its shorthand
     * methods ({@code counter(name, tags)}, {@code timer(name, tags)}, ...), which take no description and no
     * histogram buckets; a meter built with a builder stays in the deployment's private copy and is never exported.
     * So Parley registers on the server registry behind it: its latencies are then real Prometheus histograms, and
     * every meter has its HELP text. A WildFly that no longer has it is told in the log, and gets the injected
     * registry (meters exported only if that registry exports them).
     */
    static MeterRegistry serverRegistry(MeterRegistry injected) {
        for (Class<?> type = injected.getClass(); type != null; type = type.getSuperclass()) {
            if (!type.getName().equals("org.wildfly.extension.micrometer.registry.ApplicationRegistry")) {
                continue;
            }
            try {
                Field parent = type.getDeclaredField("parentRegistry");
                parent.setAccessible(true);
                if (parent.get(injected) instanceof MeterRegistry server) {
                    return server;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Parley's meters go to the deployment's registry, not the server's: WildFly's "
                                + "ApplicationRegistry has no parentRegistry here (" + e + "); /metrics may lack them",
                        e);
            }
        }
        return injected;
    }

    @PreDestroy
    void unregister() {
        // The server's registry outlives a deployment: meters (and gauges holding this deployment's objects) go
        // with it, so a redeployment registers fresh ones.
        synchronized (registered) {
            registered.forEach(registry::remove);
            registered.clear();
        }
    }

    /** A SIP post answered 200 (stored), {@code startNanos} being when its handler got it. */
    public void postAccepted(long startNanos) {
        postsAccepted.increment();
        postResponse.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A SIP post refused for {@code failure}: a chat rule ({@link ChatException}) or a failure of the server. */
    public void postRefused(Throwable failure, long startNanos) {
        refusalCounter(failure).increment();
        postResponse.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A SIP post refused because its XCCOS was malformed. */
    public void postMalformed(long startNanos) {
        postsMalformed.increment();
        postResponse.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** {@code count} sessions were sent a post stored at {@code storedAtMillis} (epoch ms), now. */
    public void delivered(int count, long storedAtMillis) {
        if (count <= 0) {
            return;
        }
        deliveries.increment(count);
        long latency = Math.max(0, System.currentTimeMillis() - storedAtMillis);
        for (int i = 0; i < count; i++) {
            postDelivery.record(latency, TimeUnit.MILLISECONDS);
        }
    }

    public void deliveryFailed(DeliveryFailure reason) {
        deliveryFailures.get(reason).increment();
    }

    /** A REGISTER answered 503 because too many NTLM sign-ins were under way. */
    public void signInBusy() {
        signInBusy.increment();
    }

    /** An NTLM sign-in ended: {@code success}, {@code failure} (credentials, malformed) or {@code refused}. */
    public void ntlmSignIn(String outcome, String reason) {
        ntlmSignInCounter(outcome, reason).increment();
    }

    private Counter ntlmSignInCounter(String outcome, String reason) {
        return ntlmSignIns.computeIfAbsent(
                outcome + '/' + reason,
                k -> keep(Counter.builder("parley.ntlm.signins")
                        .description("NTLM sign-ins (REGISTER with NTLM), by outcome and reason")
                        .tags("outcome", outcome, "reason", reason)
                        .register(registry)));
    }

    public void fileUploaded(long bytes) {
        filesUploaded.increment();
        bytesUploaded.increment(Math.max(0, bytes));
    }

    public void fileDownloaded(long bytes) {
        filesDownloaded.increment();
        bytesDownloaded.increment(Math.max(0, bytes));
    }

    public void complianceQueued(int events) {
        complianceQueued.increment(events);
    }

    public void complianceStored(int events) {
        complianceStored.increment(events);
    }

    public void complianceDelivered(String adapter, int events) {
        complianceDelivered
                .computeIfAbsent(
                        adapter,
                        a -> keep(Counter.builder("parley.compliance.events.delivered")
                                .description("Compliance events handed to an adapter and acknowledged by it")
                                .tag("adapter", a)
                                .register(registry)))
                .increment(events);
    }

    /**
     * A gauge read when scraped; {@code value} must be cheap and must not need a transaction (read a field or a
     * sample, not the database).
     */
    public void gauge(String name, String description, Tags tags, Supplier<Number> value) {
        keep(Gauge.builder(name, value)
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry));
    }

    /** A counter kept elsewhere (e.g. by the SIP layer), read when scraped. */
    public <T> void functionCounter(String name, String description, Tags tags, T owner, ToDoubleFunction<T> count) {
        keep(FunctionCounter.builder(name, owner, count)
                .description(description)
                .tags(tags)
                .register(registry));
    }

    /** For meters registered by their owners with tags only known at run time (e.g. the busiest rooms). */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The key figures as they are now, for the admin console's live view (the same meters Prometheus scrapes): totals
     * of the counters, the gauges, and the latency histograms' cumulative bucket counts. A viewer turns two of these
     * into rates and percentiles over the time between them, as Prometheus's rate() and histogram_quantile() do.
     */
    public Figures figures() {
        Map<String, Double> counters = new LinkedHashMap<>();
        counters.put("posts.accepted", total("parley.posts", "outcome", "accepted"));
        counters.put("posts.refused", total("parley.posts", "outcome", "refused"));
        counters.put("deliveries", total("parley.deliveries"));
        counters.put("deliveries.failed", total("parley.deliveries.failed"));
        counters.put("sip.overload.responses", total("parley.sip.overload.responses"));
        counters.put(
                "ntlm.signins.failed",
                total("parley.ntlm.signins", "outcome", "failure")
                        + total("parley.ntlm.signins", "outcome", "refused"));
        counters.put("files.uploaded", total("parley.files.uploaded"));
        counters.put("files.downloaded", total("parley.files.downloaded"));
        counters.put("compliance.queued", total("parley.compliance.events.queued"));
        counters.put("compliance.stored", total("parley.compliance.events.stored"));
        counters.put("compliance.delivered", total("parley.compliance.events.delivered"));
        Map<String, Double> gauges = new LinkedHashMap<>();
        for (String[] gauge : new String[][] {
            {"users.signed.in", "parley.users.signed.in"},
            {"chat.dialogs", "parley.chat.dialogs"},
            {"sip.connections", "parley.sip.connections"},
            {"sip.requests.queued", "parley.sip.requests.queued"},
            {"sip.outbound.waiting", "parley.sip.outbound.waiting"},
            {"compliance.outbox", "parley.compliance.outbox.events"},
            {"compliance.backlog", "parley.compliance.backlog.events"},
            {"compliance.lag.seconds", "parley.compliance.lag.seconds"}
        }) {
            gauges.put(
                    gauge[0],
                    registry.find(gauge[1]).gauges().stream()
                            .mapToDouble(Gauge::value)
                            .sum());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauges.put("heap.used.bytes", (double) heap.getUsed());
        gauges.put("heap.max.bytes", (double) heap.getMax());
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("post.response", Histogram.of(postResponse));
        latencies.put("post.delivery", Histogram.of(postDelivery));
        return new Figures(System.currentTimeMillis(), counters, gauges, latencies);
    }

    /** @param at epoch milliseconds */
    public record Figures(
            long at, Map<String, Double> counters, Map<String, Double> gauges, Map<String, Histogram> latencies) {}

    /** A latency histogram: its count and, per bucket's upper bound in seconds, how many took at most that. */
    public record Histogram(long count, double sumSeconds, List<Bucket> buckets) {

        static Histogram of(Timer timer) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            List<Bucket> buckets = new ArrayList<>();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                buckets.add(new Bucket(bucket.bucket(TimeUnit.SECONDS), bucket.count()));
            }
            return new Histogram(snapshot.count(), snapshot.total(TimeUnit.SECONDS), buckets);
        }
    }

    public record Bucket(double le, double count) {}

    private double total(String name, String... tags) {
        double sum = 0;
        for (Meter meter : registry.find(name).tags(tags).meters()) {
            if (meter instanceof Counter counter) {
                sum += counter.count();
            } else if (meter instanceof FunctionCounter counter) {
                sum += counter.count();
            }
        }
        return sum;
    }

    private Counter counter(String name, String description) {
        return keep(Counter.builder(name).description(description).register(registry));
    }

    /** The bytes of files moved in one direction (upload, download). */
    private Counter fileBytes(String direction) {
        return keep(Counter.builder("parley.file.bytes")
                .baseUnit("bytes")
                .description("File bytes moved")
                .tag("direction", direction)
                .register(registry));
    }

    /** A latency on the chat path, in {@link #LATENCY_BUCKETS}. */
    private Timer latency(String name, String description) {
        return keep(Timer.builder(name)
                .description(description)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
    }

    private Counter refusedPosts(String reason) {
        return keep(Counter.builder("parley.posts")
                .description("Posts received, by outcome and reason")
                .tags("outcome", "refused", "reason", reason)
                .register(registry));
    }

    private Counter refusalCounter(Throwable failure) {
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ChatException chat) {
            return postsRefused.get(chat.reason());
        }
        return postsFailed;
    }

    private <M extends Meter> M keep(M meter) {
        synchronized (registered) {
            registered.add(meter);
        }
        return meter;
    }
}
