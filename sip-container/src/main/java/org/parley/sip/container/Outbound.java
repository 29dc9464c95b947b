package org.parley.sip.container;

import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.ClientTransaction;
import javax.sip.SipException;

import gov.nist.core.LogWriter;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.parley.sip.container.log.RateLimitedLog;
import org.parley.sip.servlet.SipRequestFailedException;
import org.parley.sip.servlet.SipRequestFailedException.Kind;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSessionEndReason;

/**
 * Sends our requests and completes their stages on the dialog's queue (a plain success where nothing waits on the
 * transport's thread: {@link #completesHere}). A 481, 487 or 408 answer, a
 * timeout or a transport failure ends the request's session: the peer has lost the dialog (SIPE answers
 * 487 on a dialog it dropped) or is gone.
 *
 * <p>In a dialog, at most {@link SipConnectorConfig#getMaxOutboundInFlight} requests of ours are unanswered at
 * once; the others wait in the dialog's own queue, in order, and each answer lets the next one go (from the dialog's
 * queue thread, not the sender's). A peer that lets more than {@link SipConnectorConfig#getMaxOutboundQueue} pile
 * up is too slow to keep: it gets a BYE (best effort) and its dialog ends ({@link
 * SipSessionEndReason#OUTBOUND_OVERFLOW}), so a slow or dead client costs the others nothing, not even memory.
 * Kamailio does the same per TCP connection (its async write queue, {@code tcp_conn_wq_max}, closes a connection
 * over the bound); Netty's channel write buffer water marks are the same idea one layer down.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class.getName());
    private static final RateLimitedLog PEER_LOG = new RateLimitedLog(LOG);

    private final Container container;
    /**
     * Requests sent without a JAIN-SIP client transaction, by Via branch, until their final response or their
     * deadline ({@link #sweep}).
     */
    private final ConcurrentHashMap<String, Unanswered> unanswered = new ConcurrentHashMap<>();
    /** RFC 3261's magic cookie, then this start's own prefix: branches are unique across restarts too. */
    private final String branchPrefix =
            "z9hG4bK-pl" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "-";

    private final AtomicLong branches = new AtomicLong();

    Outbound(Container container) {
        this.container = container;
    }

    /** Requests of ours sent without a transaction and not answered yet. */
    int unansweredCount() {
        return unanswered.size();
    }

    CompletionStage<SipServletResponse> send(OutgoingRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Session session = request.getSession();
        // A BYE does not wait behind the dialog's queue: it ends the dialog.
        if (session != null && !"BYE".equals(request.getMethod())) {
            switch (session.admitOutbound(
                    pending,
                    container.config().getMaxOutboundInFlight(),
                    container.config().getMaxOutboundQueue())) {
                case QUEUED:
                    return pending.result();
                case OVERFLOW:
                    overflow(session, pending);
                    return pending.result();
                case SEND:
                default:
                    break;
            }
        }
        transmit(pending);
        return pending.result();
    }

    private void overflow(Session session, Pending pending) {
        PEER_LOG.log(
                Level.INFO,
                String.valueOf(session.getRemoteParty()),
                "too slow",
                () -> "dialog " + session.getId() + " ended: more than "
                        + container.config().getMaxOutboundQueue()
                        + " requests waiting to be sent to a peer that does not answer them");
        try {
            OutgoingRequest bye = (OutgoingRequest) session.createRequest("BYE");
            transmit(new Pending(bye, new CompletableFuture<>()));
        } catch (RuntimeException alreadyEnded) {
            // Nothing to say goodbye on.
        }
        container.sessions().end(session, SipSessionEndReason.OUTBOUND_OVERFLOW);
        later(pending, () -> pending.result()
                .completeExceptionally(
                        new SipRequestFailedException(Kind.TRANSPORT, "peer too slow: dialog ended", null)));
    }

    /** The dialog ended: the requests still waiting in its queue fail without being sent. */
    void sessionEnded(Session session) {
        for (Pending dropped : session.dropOutbound()) {
            dropped.result()
                    .completeExceptionally(new SipRequestFailedException(
                            Kind.TRANSPORT, "dialog ended before the request was sent", null));
        }
    }

    /** An answer (or failure) frees a place in the dialog: the next waiting request goes. */
    private void done(Pending pending) {
        Session session = pending.request().getSession();
        if (session == null || "BYE".equals(pending.request().getMethod())) {
            return;
        }
        if (!session.isValid()) {
            sessionEnded(session);
            return;
        }
        Pending next = session.outboundDone();
        if (next != null) {
            transmit(next);
        }
    }

    private void transmit(Pending pending) {
        OutgoingRequest request = pending.request();
        Connection flow = request.getConnection();
        if (flow != null && !container.connections().isOpen(flow)) {
            // Known closed: failing here costs nothing; sending would make the stack try to reconnect.
            later(pending, () -> fail(pending, Kind.TRANSPORT, "connection " + flow.getId() + " closed", null));
            return;
        }
        container.interceptors().outgoing(request);
        request.markSent();
        String branch = null;
        try {
            if (isWithoutTransaction(request, flow)) {
                String named = branchPrefix + branches.incrementAndGet();
                request.jain().getTopmostVia().setBranch(named);
                unanswered.put(
                        named,
                        new Unanswered(
                                pending,
                                System.nanoTime()
                                        + container
                                                .config()
                                                .getResponseTimeout()
                                                .toNanos()));
                branch = named; // from here on, the table decides who completes the request
                if (!sendWire(request, flow)) {
                    container.provider().sendRequest(request.jain());
                }
            } else {
                ClientTransaction transaction = container.provider().getNewClientTransaction(request.jain());
                transaction.setApplicationData(pending);
                transaction.sendRequest();
            }
        } catch (SipException | ParseException | IOException | RuntimeException e) {
            if (branch != null && unanswered.remove(branch) == null) {
                return; // answered or timed out already
            }
            PEER_LOG.log(
                    Level.INFO,
                    flow == null ? String.valueOf(request.getRequestURI()) : flow.getRemoteAddress(),
                    "cannot send",
                    () -> "cannot send " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            later(pending, () -> fail(pending, Kind.TRANSPORT, "cannot send: " + e.getMessage(), e));
        }
    }

    /**
     * Writes the request's bytes, made from its dialog's {@link DialogHead}, to the flow's channel as JAIN-SIP's
     * provider would after encoding it (the same channel: {@link Container#channelOf}); false when the request has no
     * head or its connection has no open channel, and JAIN-SIP sends it (connecting anew, as before).
     */
    private boolean sendWire(OutgoingRequest request, Connection flow) throws IOException {
        byte[] wire = request.wire();
        if (wire == null) {
            return false;
        }
        MessageChannel channel = container.channelOf(flow);
        if (!(channel instanceof NioTcpMessageChannel stream)) {
            return false;
        }
        long time = System.currentTimeMillis();
        stream.sendMessage(wire, InetAddress.getByName(flow.remoteAddress()), flow.remotePort(), true);
        SIPTransactionStack stack = container.stack();
        if (stack.isLoggingEnabled(LogWriter.TRACE_MESSAGES)) {
            stack.getServerLogger()
                    .logMessage(
                            request.jain(),
                            channel.getHost() + ":" + channel.getPort(),
                            flow.remoteAddress() + ":" + flow.remotePort(),
                            true,
                            time);
        }
        return true;
    }

    /**
     * In a dialog on a reliable flow (TCP, TLS), a request other than INVITE, ACK, CANCEL or BYE needs nothing of a
     * JAIN-SIP client transaction: no retransmission (RFC 3261 17.1.2.2: none over a reliable transport), one final
     * response, matched here by its Via branch (the branch is the transaction's name, 17.1.3), and a deadline,
     * Timer F's 64*T1 ({@link SipConnectorConfig#getResponseTimeout}). Creating, indexing, timing and terminating a
     * transaction cost a quarter of the server's CPU on a busy chat room's sends (a profile of the chat benchmark);
     * Kamailio's stateless forwarding (its sl/forward path, no tm transaction) is the same trade for the same
     * reason. A BYE keeps its transaction: it ends a dialog and is rare.
     */
    private static boolean isWithoutTransaction(OutgoingRequest request, Connection flow) {
        if (request.getSession() == null || flow == null || "UDP".equals(flow.transport())) {
            return false;
        }
        return switch (request.getMethod()) {
            case "INVITE", "ACK", "CANCEL", "BYE" -> false;
            default -> true;
        };
    }

    /**
     * The request of ours, sent without a transaction, that this response's Via branch names, whether the response
     * is final or not; null if none (a response to a transaction, or to nothing).
     */
    OutgoingRequest unansweredRequest(SIPResponse response) {
        return unansweredRequest(branchOf(response));
    }

    /** {@link #unansweredRequest(SIPResponse)} for a response's top Via branch ("" without one). */
    OutgoingRequest unansweredRequest(String branch) {
        Unanswered waiting = unanswered.get(branch);
        return waiting == null ? null : waiting.pending().request();
    }

    /**
     * From the valve, after the interceptors passed it: a response to a request sent without a transaction. A
     * provisional one changes nothing (the deadline stays); a final one completes the request, once: a success on
     * a dialog where nothing of ours waits to be sent here ({@link #completesHere}), anything else on the dialog's
     * queue.
     */
    void respondedWithoutTransaction(SIPResponse response) {
        if (response.getStatusCode() < 200) {
            return;
        }
        Unanswered waiting = unanswered.remove(branchOf(response));
        if (waiting != null) {
            Pending pending = waiting.pending();
            completeFinal(pending, new IncomingResponse(container, response, pending.request()));
        }
    }

    /**
     * {@link #respondedWithoutTransaction(SIPResponse)} for a response read without JAIN-SIP's parser, by its top Via
     * branch: the request completes with that very response.
     */
    void respondedWithoutTransaction(String branch, IncomingResponse response) {
        if (response.getStatus() < 200) {
            return;
        }
        Unanswered waiting = unanswered.remove(branch);
        if (waiting != null) {
            completeFinal(waiting.pending(), response);
        }
    }

    /** A final answer to a request sent without a transaction: here if {@link #completesHere}, else on its queue. */
    private void completeFinal(Pending pending, IncomingResponse response) {
        if (completesHere(pending, response.getStatus())) {
            pending.result().complete(response);
        } else {
            later(pending, () -> complete(pending, response));
        }
    }

    /**
     * Whether this answer completes its request on the thread that read it (the transport's) instead of on the
     * dialog's queue, and then frees its place in the dialog: a 2xx in a dialog that goes on and where no request of
     * ours waits behind the window. Such a completion ends no dialog and sends nothing next, which is what {@link
     * #complete} would do on the queue; the hop there was a managed task, a thread's wake-up and a queue made and
     * dropped per answer, on every delivery of a room's post (#12). Its stage's callbacks run on the transport's
     * thread, so they must not block (SipServletRequest#send). Otherwise, as before, on the queue: the next waiting
     * request is sent from there, never from the transport's thread, and an answer does not overtake one queued
     * before it (a request waits only while the window is full, and it is sent by an earlier answer's completion).
     */
    private static boolean completesHere(Pending pending, int status) {
        Session session = pending.request().getSession();
        return status >= 200
                && status < 300
                && session != null
                && session.isValid()
                && session.outboundDoneIfNoneWaits();
    }

    /** Requests sent without a transaction and unanswered past their deadline fail as a transaction would. */
    void sweep(long now) {
        for (Map.Entry<String, Unanswered> entry : unanswered.entrySet()) {
            Unanswered waiting = entry.getValue();
            if (now - waiting.deadline() >= 0 && unanswered.remove(entry.getKey(), waiting)) {
                Pending pending = waiting.pending();
                timeOut(pending);
            }
        }
    }

    /** The request fails as one whose transaction timed out (on its Call-ID's queue, as every outcome is handled). */
    private void timeOut(Pending pending) {
        later(
                pending,
                () -> fail(
                        pending,
                        Kind.TIMEOUT,
                        "no response to " + pending.request().getMethod(),
                        null));
    }

    private static String branchOf(SIPResponse response) {
        Via via = response.getTopmostVia();
        String branch = via == null ? null : via.getBranch();
        return branch == null ? "" : branch;
    }

    /** From the stack: a response to one of our client transactions. */
    void responded(ClientTransaction transaction, SIPResponse response) {
        if (transaction == null
                || !(transaction.getApplicationData() instanceof Pending pending)
                || response.getStatusCode() < 200) {
            return;
        }
        later(pending, () -> complete(pending, new IncomingResponse(container, response, pending.request())));
    }

    /** From the stack: no response in time, or the transport failed (JAIN-SIP reports both as a timeout). */
    void timedOut(ClientTransaction transaction) {
        if (transaction.getApplicationData() instanceof Pending pending) {
            timeOut(pending);
        }
    }

    /** The interceptors passed it already (ResponseCheckValve), before the transaction took it. */
    private void complete(Pending pending, IncomingResponse response) {
        Session session = pending.request().getSession();
        if (session != null) {
            int status = response.getStatus();
            if (status == 481 || status == 487 || status == 408) {
                container.sessions().end(session, SipSessionEndReason.PEER_LOST_DIALOG);
            } else if ("BYE".equals(response.getMethod())) {
                container.sessions().end(session, SipSessionEndReason.BYE_SENT);
            }
        }
        pending.result().complete(response);
        done(pending);
    }

    private void fail(Pending pending, Kind kind, String message, Throwable cause) {
        Session session = pending.request().getSession();
        if (session != null && kind != Kind.REJECTED) {
            container
                    .sessions()
                    .end(
                            session,
                            kind == Kind.TIMEOUT ? SipSessionEndReason.TIMEOUT : SipSessionEndReason.TRANSPORT_ERROR);
        }
        pending.result().completeExceptionally(new SipRequestFailedException(kind, message, cause));
        done(pending);
    }

    private void later(Pending pending, Runnable work) {
        container.queues().submitExempt(pending.request().getCallId(), new SerialQueues.Task() {
            @Override
            public void run() {
                work.run();
            }

            @Override
            public void reject() {
                pending.result()
                        .completeExceptionally(
                                new SipRequestFailedException(Kind.TRANSPORT, "connector stopping", null));
            }
        });
    }

    record Pending(OutgoingRequest request, CompletableFuture<SipServletResponse> result) {}

    private record Unanswered(Pending pending, long deadline) {}
}
