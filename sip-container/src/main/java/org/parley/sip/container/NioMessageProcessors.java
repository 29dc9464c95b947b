package org.parley.sip.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ListeningPoint;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's NIO TCP and TLS processors: one selector thread per listening point reads every connection, so a
 * signed-in user costs no thread (the blocking processors cost two per connection, a reader and a parser). What
 * the container adds to them:
 *
 * <ul>
 *   <li>the connection-closed hook: JAIN-SIP has no such event, but every channel whose socket ends (peer
 *       closed, read or write error, our own close) passes through the processor's {@code remove};
 *   <li>the read timeout of accepted connections ({@link MessageDeadline}): their channel follows the bytes it
 *       hands the parser, and one sweep per listening point, on the stack's timer, closes those overdue;
 *   <li>TCP_NODELAY on every connection, accepted or connected: without it, a server INFO written right after
 *       the 200 to the client's INFO sits in Nagle's buffer until the client's delayed ACK of that 200 arrives,
 *       tens of milliseconds later (InfoThroughputBenchmark made 180 transactions/s);
 *   <li>a channel table safe between threads: JAIN-SIP's is a plain HashMap, which the sweep's closes (and
 *       writes failing on sending threads) would change under the selector thread's feet;
 *   <li>Content-Length and Call-ID spelled in full ({@link FullHeaderNames}) in what accepted connections hand
 *       the parser: JAIN-SIP's NIO parser frames a message by those two full names only, so a message in compact
 *       form ({@code l:}, {@code i:}, which RFC 3261 §7.3.3 requires us to accept and a proxy may forward) was
 *       misread (a body taken for headers: 500) or, with no Call-ID it knew, dropped the connection. The blocking
 *       parser read them from the parsed head;
 *   <li>the channel to a peer looked up by a key made without a regular expression ({@link ChannelKeys}): every
 *       request we send asks for it.
 * </ul>
 *
 * UDP keeps JAIN-SIP's own processor.
 *
 * <p>Why rewrite the bytes rather than parse them our way: the channel's parser field and the processor's making
 * of the channels JAIN-SIP connects itself are package-private, and a subclass of the parser could not reach its
 * framing (private methods, package-private fields) either, so only the bytes on their way in, which the channels
 * above already follow for the deadline, are ours to change. The deadline follows the bytes as they came
 * (it reads compact forms itself). The channels JAIN-SIP connects itself, when it has no connection to a peer to
 * send on, keep its channel and parser as they are: compact forms unread there, and no read deadline either.
 */
final class NioMessageProcessors implements MessageProcessorFactory {

    private final MessageProcessorFactory udp = new OIOMessageProcessorFactory();
    private final int readTimeoutMillis;

    /** @param readTimeoutMillis see {@link MessageDeadline}; 0 or less: none */
    NioMessageProcessors(int readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public MessageProcessor createMessageProcessor(
            SIPTransactionStack stack, InetAddress address, int port, String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new Tcp(address, stack, port, readTimeoutMillis);
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new Tls(address, stack, port, readTimeoutMillis);
        }
        return udp.createMessageProcessor(stack, address, port, transport);
    }

    /** A stream processor's channels to its peers, as they are: none is connected by asking. */
    interface Streams {
        /** The channel to {@code address}:{@code port} this processor has (accepted or connected); null if none. */
        MessageChannel existing(String address, int port);
    }

    private static void closed(SIPTransactionStack stack, ConnectionOrientedMessageChannel channel) {
        if (stack instanceof NioSipStack ours) {
            ours.channelClosed(channel);
        }
    }

    private static void noDelay(SocketChannel socket) {
        try {
            socket.socket().setTcpNoDelay(true);
        } catch (SocketException e) {
            // The socket is closing already; its channel goes the usual way.
        }
    }

    /** A channel of an accepted connection, with its read deadline. */
    private interface Deadlined {
        MessageDeadline deadline();

        /** Closes the connection as its peer closing it would: the processor's remove reports it. */
        void expire();
    }

    /** Where a channel's messages come from, as JAIN-SIP stamps them on each message it parses. */
    private interface Source {
        InetAddress source();
    }

    /** The accepted channels of one listening point, and the sweep that closes the overdue among them. */
    private static final class Deadlines extends SIPStackTimerTask {
        private final Set<Deadlined> channels = ConcurrentHashMap.newKeySet();
        private final int timeoutMillis;

        Deadlines(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        boolean enabled() {
            return timeoutMillis > 0;
        }

        /** The deadline of a connection accepted now; null when there is no read timeout. */
        MessageDeadline start() {
            return enabled() ? new MessageDeadline(timeoutMillis, System.nanoTime()) : null;
        }

        /** A channel of a connection just accepted: no delay, known to the handler, swept when overdue. */
        <C extends NioTcpMessageChannel & Deadlined> C accepted(NIOHandler handler, SocketChannel socket, C channel) {
            noDelay(socket);
            handler.putMessageChannel(socket, channel);
            add(channel);
            return channel;
        }

        void add(Deadlined channel) {
            if (enabled()) {
                channels.add(channel);
            }
        }

        void remove(Object channel) {
            channels.remove(channel);
        }

        /** A tenth of the timeout, so that a connection is closed at most that late; between 50 ms and 1 s. */
        long period() {
            return Math.max(50, Math.min(1000, timeoutMillis / 10));
        }

        void schedule(SIPTransactionStack stack) {
            if (enabled()) {
                stack.getTimer().scheduleWithFixedDelay(this, period(), period());
            }
        }

        void cancel(SIPTransactionStack stack) {
            if (enabled()) {
                stack.getTimer().cancel(this);
            }
        }

        @Override
        public void runTask() {
            long now = System.nanoTime();
            for (Deadlined channel : channels) {
                if (channel.deadline().overdue(now)) {
                    channels.remove(channel);
                    channel.expire();
                }
            }
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }

    /** JAIN-SIP's handler, its channel table guarded, and TCP_NODELAY on every socket it keeps. */
    private static final class Handler extends NIOHandler {
        Handler(SIPTransactionStack stack, NioTcpMessageProcessor processor) {
            super(stack, processor);
        }

        @Override
        public NioTcpMessageChannel getMessageChannel(SocketChannel socket) {
            synchronized (channelMap) {
                return super.getMessageChannel(socket);
            }
        }

        @Override
        public void putMessageChannel(SocketChannel socket, NioTcpMessageChannel channel) {
            synchronized (channelMap) {
                super.putMessageChannel(socket, channel);
            }
        }

        @Override
        public void removeMessageChannel(SocketChannel socket) {
            synchronized (channelMap) {
                super.removeMessageChannel(socket);
            }
        }

        @Override
        public int getCurrentChannelSize() {
            synchronized (channelMap) {
                return super.getCurrentChannelSize();
            }
        }

        /** Every socket JAIN-SIP sends on passes here: those it connects itself, and the accepted ones. */
        @Override
        protected void putSocket(String key, SocketChannel socket) {
            noDelay(socket);
            super.putSocket(key, socket);
        }
    }

    private static final class Tcp extends NioTcpMessageProcessor implements Streams {
        private final Deadlines deadlines;

        Tcp(InetAddress address, SIPTransactionStack stack, int port, int readTimeoutMillis) {
            super(address, stack, port);
            nioHandler = new Handler(stack, this);
            deadlines = new Deadlines(readTimeoutMillis);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel socket)
                throws IOException {
            return deadlines.accepted(nioHandler, socket, new TcpChannel(this, socket, deadlines.start()));
        }

        @Override
        public MessageChannel createMessageChannel(HostPort target) throws IOException {
            MessageChannel known = messageChannels.get(ChannelKeys.of(target, getTransport()));
            return known != null ? known : super.createMessageChannel(target);
        }

        @Override
        public MessageChannel existing(String address, int port) {
            return messageChannels.get(ChannelKeys.of(address, port, getTransport()));
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            deadlines.remove(channel);
            closed(getSIPStack(), channel);
        }

        @Override
        public void start() throws IOException {
            super.start();
            deadlines.schedule(getSIPStack());
        }

        @Override
        public void stop() {
            deadlines.cancel(getSIPStack());
            super.stop();
        }
    }

    private static final class Tls extends NioTlsMessageProcessor implements Streams {
        private final Deadlines deadlines;

        Tls(InetAddress address, SIPTransactionStack stack, int port, int readTimeoutMillis) {
            super(address, stack, port);
            nioHandler = new Handler(stack, this);
            deadlines = new Deadlines(readTimeoutMillis);
        }

        @Override
        public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel socket)
                throws IOException {
            return deadlines.accepted(nioHandler, socket, new TlsChannel(this, socket, deadlines.start()));
        }

        @Override
        public MessageChannel createMessageChannel(HostPort target) throws IOException {
            MessageChannel known = messageChannels.get(ChannelKeys.of(target, getTransport()));
            return known != null ? known : super.createMessageChannel(target);
        }

        @Override
        public MessageChannel existing(String address, int port) {
            return messageChannels.get(ChannelKeys.of(address, port, getTransport()));
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            deadlines.remove(channel);
            closed(getSIPStack(), channel);
        }

        @Override
        public void start() throws IOException {
            super.start();
            deadlines.schedule(getSIPStack());
        }

        @Override
        public void stop() {
            deadlines.cancel(getSIPStack());
            super.stop();
        }
    }

    /**
     * What an accepted channel does with the bytes it read, before its parser sees them: its deadline (null: none)
     * follows them as they came; a response the container reads itself ({@link NioSipStack.Responses}) is taken whole
     * ({@link HeldMessages}); the parser gets the rest with Content-Length and Call-ID spelled in full.
     */
    private static final class Reading {
        private final MessageDeadline deadline;
        private final FullHeaderNames names = new FullHeaderNames();
        private final HeldMessages messages = new HeldMessages();

        Reading(MessageDeadline deadline) {
            this.deadline = deadline;
        }

        MessageDeadline deadline() {
            return deadline;
        }

        /** The bytes as they came; {@code parser} gets what is not taken (none while a name is undecided). */
        <C extends ConnectionOrientedMessageChannel & Source> void read(
                byte[] bytes, HeldMessages.Parser parser, C channel) throws Exception {
            if (deadline != null) {
                deadline.follow(bytes);
            }
            messages.read(
                    bytes,
                    held -> {
                        byte[] spelled = names.spell(held);
                        if (spelled.length > 0) {
                            parser.parse(spelled);
                        }
                    },
                    (message, length) -> take(message, length, channel));
        }

        /**
         * Only a message the parser would have framed exactly so may be kept from it: it must be between messages,
         * with the Content-Length it would use for this one (ResponseHead refuses a second Content-Length).
         */
        private <C extends ConnectionOrientedMessageChannel & Source> boolean take(
                byte[] message, int length, C channel) {
            if (!(channel.getSIPStack() instanceof NioSipStack ours)) {
                return false;
            }
            NioSipStack.Responses responses = ours.responses();
            ResponseHead head = responses.wanted(message, length);
            return head != null
                    && names.wouldSkipWhole(head.bodyLength())
                    && responses.take(head, channel.source(), channel.getPeerPort());
        }
    }

    /**
     * An accepted TCP connection; its deadline (null: none) follows the bytes as they came, the parser gets them
     * with Content-Length and Call-ID spelled in full.
     */
    private static final class TcpChannel extends NioTcpMessageChannel implements Deadlined, Source {
        private final Reading reading;

        TcpChannel(NioTcpMessageProcessor processor, SocketChannel socket, MessageDeadline deadline)
                throws IOException {
            super(processor, socket);
            messageProcessor = processor;
            this.reading = new Reading(deadline);
        }

        @Override
        protected void addBytes(byte[] bytes) throws Exception {
            reading.read(bytes, super::addBytes, this);
        }

        @Override
        public MessageDeadline deadline() {
            return reading.deadline();
        }

        @Override
        public void expire() {
            close(true, true);
        }

        @Override
        public InetAddress source() {
            return peerAddress;
        }
    }

    /**
     * An accepted TLS connection; its deadline follows the decrypted bytes, so the handshake counts against the
     * first message's time. The parser gets them with Content-Length and Call-ID spelled in full.
     */
    private static final class TlsChannel extends NioTlsMessageChannel implements Deadlined, Source {
        private final Reading reading;

        TlsChannel(NioTcpMessageProcessor processor, SocketChannel socket, MessageDeadline deadline)
                throws IOException {
            super(processor, socket);
            this.reading = new Reading(deadline);
        }

        @Override
        public void addPlaintextBytes(byte[] bytes) throws Exception {
            reading.read(bytes, super::addPlaintextBytes, this);
        }

        @Override
        public MessageDeadline deadline() {
            return reading.deadline();
        }

        @Override
        public void expire() {
            close(true, true);
        }

        @Override
        public InetAddress source() {
            return peerAddress;
        }
    }
}
