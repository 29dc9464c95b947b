package org.parley.chat.infrastructure.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.events.PostRelay;
import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PresenceRelay;

/**
 * A pool's relay: the posts stored on this node, and its presence (who enters and leaves rooms here), go to the
 * other nodes over the post road's clustered topic (../shared/scaleout/FINDINGS.md §2a: Artemis clusters the
 * topic across the nodes' brokers; each node's {@link PostRoadListener} delivers the posts to its own sessions
 * and keeps the presence). One node relays nothing.
 *
 * <p>The store is the record, the topic only the way to the screens: messages are not persistent (no journal
 * sync per post) and live {@value #TIME_TO_LIVE_MS} ms, so a dead node's backlog in its peers' store-and-forward
 * queues empties itself (expired messages are dropped, configure-messaging.cli) and a node that comes back is
 * not flooded with stale posts; whoever missed a post reads it in the history.
 *
 * <p>One sender thread with its own JMS context takes the messages in the order they were handed over (so a
 * room's posts leave this node in sequence, and a participant's entering before the posts that followed it) and
 * the caller never waits for the broker. The queue is bounded: a broker that cannot keep up loses live copies
 * for the other nodes, counted and logged, never the post (and a presence missed is corrected when the nodes
 * describe themselves again).
 */
@ApplicationScoped
public class TopicPostRelay implements PostRelay, PresenceRelay {

    private static final Logger LOG = Logger.getLogger(TopicPostRelay.class.getName());
    static final long TIME_TO_LIVE_MS = 30_000;
    private static final int QUEUE_BOUND = 10_000;

    @Inject
    PoolSettings pool;

    /** The in-VM, non-XA factory: a post is relayed after its commit, outside any transaction. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = PostRoadTopic.TOPIC)
    Topic topic;

    /** By its global name: java:comp is not bound for a CDI bean outside a component. */
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    /** A message to send, built by the sender thread with its context. */
    @FunctionalInterface
    private interface Outgoing {
        Message build(JMSContext jms) throws JMSException;
    }

    private final BlockingQueue<Outgoing> outbox = new ArrayBlockingQueue<>(QUEUE_BOUND);
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread sender;

    @PostConstruct
    void start() {
        if (pool.enabled()) {
            sender = threads.newThread(this::sendAll);
            sender.setName("parley-post-relay");
            sender.start();
            LOG.info(() -> "pool node " + pool.nodeName() + ": posts are relayed to the other nodes over "
                    + PostRoadTopic.TOPIC);
        }
    }

    @PreDestroy
    void stop() {
        Thread running = sender;
        sender = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public void relay(MessageView post) {
        send(jms -> PostRoadTopic.message(jms, pool, post));
    }

    @Override
    public void entered(String roomUri, Participant participant, boolean manager) {
        send(jms -> PostRoadTopic.entered(jms, pool, roomUri, participant, manager));
    }

    @Override
    public void left(String roomUri, Participant participant) {
        send(jms -> PostRoadTopic.left(jms, pool, roomUri, participant));
    }

    @Override
    public void hello() {
        send(jms -> PostRoadTopic.hello(jms, pool));
    }

    @Override
    public void describe(Map<String, Set<Participant>> rooms) {
        send(jms -> PostRoadTopic.described(jms, pool, rooms));
    }

    private void send(Outgoing message) {
        if (sender == null) {
            return;
        }
        if (!outbox.offer(message)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warning(() -> "the post road's topic does not keep up: " + n + " messages not sent to the "
                        + "other nodes (the posts are stored; their readers there find them in the history)");
            }
        }
    }

    private void sendAll() {
        while (sender != null) {
            try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                JMSProducer producer = jms.createProducer()
                        .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                        .setTimeToLive(TIME_TO_LIVE_MS)
                        .setDisableMessageID(true);
                while (sender != null) {
                    producer.send(topic, outbox.take().build(jms));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The broker went away (stopping, or failing over): a new context on the next round.
                LOG.log(Level.WARNING, "cannot relay posts to the other nodes; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
