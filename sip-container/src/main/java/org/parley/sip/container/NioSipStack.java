package org.parley.sip.container;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.sip.PeerUnavailableException;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;

/**
 * JAIN-SIP's stack with the container's NIO TCP and TLS processors ({@link NioMessageProcessors}: no thread per
 * connection, TCP_NODELAY, the read deadline of {@link MessageDeadline}); they report closed channels here.
 *
 * <p>Each message the NIO parser completes is handled on the selector thread that read it, in the order read.
 * JAIN-SIP would hand it to its shared pool instead, round robin over the pool's threads whatever the message's
 * connection or dialog, so two requests of one connection could overtake each other. The listener only queues
 * (REENTRANT_LISTENER), so the selector thread is not held up by handlers.
 */
final class NioSipStack extends SipStackImpl {

    private volatile Consumer<MessageChannel> onChannelClosed = channel -> {};
    private volatile Responses responses = Responses.NONE;
    private final ScheduledExecutorService selfRouting = new ParsedInline();

    NioSipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        setMessageProcessorFactory(
                new NioMessageProcessors(Integer.parseInt(properties.getProperty(StackProperties.READ_TIMEOUT, "-1"))));
    }

    void onChannelClosed(Consumer<MessageChannel> handler) {
        onChannelClosed = handler;
    }

    void channelClosed(MessageChannel channel) {
        onChannelClosed.accept(channel);
    }

    /** The listening points' processors, for a channel looked up without connecting ({@link Container#channelOf}). */
    MessageProcessor[] processors() {
        return getMessageProcessors();
    }

    /** Who reads the responses that need not go through JAIN-SIP's parser; until set (or after), none do. */
    void responses(Responses taker) {
        responses = taker;
    }

    Responses responses() {
        return responses;
    }

    /**
     * The responses an accepted connection's channel hands the container whole instead of to JAIN-SIP's parser
     * (#12): those it {@link #wanted}, read by {@link ResponseHead}.
     */
    interface Responses {
        Responses NONE = new Responses() {
            @Override
            public ResponseHead wanted(byte[] message, int length) {
                return null;
            }

            @Override
            public boolean take(ResponseHead response, InetAddress from, int port) {
                return false;
            }
        };

        /** The response in {@code message[0, length)} if the container reads it itself, or null: JAIN-SIP's way. */
        ResponseHead wanted(byte[] message, int length);

        /** The container takes it from {@code from}: true, unless it changed its mind and JAIN-SIP is to read it. */
        boolean take(ResponseHead response, InetAddress from, int port);
    }

    @Override
    public ScheduledExecutorService getSelfRoutingThreadpoolExecutor() {
        return selfRouting;
    }

    /** JAIN-SIP's pool (made when first needed), but a parsed message runs at once on the thread that parsed it. */
    private final class ParsedInline implements ScheduledExecutorService {

        private ScheduledExecutorService pool() {
            return NioSipStack.super.getSelfRoutingThreadpoolExecutor();
        }

        @Override
        public void execute(Runnable command) {
            if (command instanceof NioPipelineParser.Dispatch) {
                command.run();
            } else {
                pool().execute(command);
            }
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return pool().schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return pool().schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return pool().scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return pool().scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            pool().shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool().shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool().isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool().isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return pool().awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return pool().submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return pool().submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return pool().submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return pool().invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return pool().invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return pool().invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return pool().invokeAny(tasks, timeout, unit);
        }
    }
}
