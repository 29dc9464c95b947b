package org.parley.sip.container;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.parley.sip.container.log.RateLimitedLog;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletException;
import org.parley.sip.servlet.SipServletResponse;

/**
 * One received request on its dialog's queue: interceptors, dialog matching (RFC 3261 §12.2.2) and
 * the servlet. Never lets an exception out: the request gets 500 if it has no final answer yet.
 */
final class RequestTask implements SerialQueues.Task {

    private static final Logger LOG = Logger.getLogger(RequestTask.class.getName());
    /** What a peer can make happen with every request it sends: one line per peer and cause a minute. */
    private static final RateLimitedLog PEER_LOG = new RateLimitedLog(LOG);

    private static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER");

    private final Container container;
    private final IncomingRequest request;

    RequestTask(Container container, IncomingRequest request) {
        this.container = container;
        this.request = request;
    }

    @Override
    public void run() {
        boolean ack = "ACK".equals(request.getMethod());
        if (request.isCancelled()) {
            return;
        }
        try {
            if (!request.isInitial()) {
                // The interceptors judge an in-dialog request against its dialog (e.g. the flow it started on).
                request.setSession(dialog());
            }
            container.interceptors().incoming(request);
            SipServlet servlet = request.isInitial() ? initial(ack) : inDialog(ack);
            if (servlet != null) {
                servlet.service(request);
                if (!ack && !request.isCommitted()) {
                    LOG.warning(() -> servlet.getClass().getName() + " left " + request.getMethod() + " unanswered");
                    answer(500, "No final response");
                }
            }
        } catch (SipMessageRejectedException e) {
            PEER_LOG.log(
                    Level.INFO,
                    peer(),
                    "refused " + e.getStatus(),
                    () -> request.getMethod() + " from "
                            + request.getConnection().getId() + " refused by interceptor: " + e.getStatus() + " "
                            + e.getMessage());
            if (!ack) {
                answer(e.getStatus(), null);
            }
        } catch (SipServletException | IOException | RuntimeException e) {
            PEER_LOG.log(
                    Level.WARNING,
                    peer(),
                    "failed " + e.getClass().getName(),
                    e,
                    () -> request.getMethod() + " " + request.getCallId() + " failed");
            if (!ack && !request.isCommitted()) {
                answer(500, null);
            }
        }
    }

    /** The servlet for a request outside any dialog, creating the session if the request starts one. */
    private SipServlet initial(boolean ack) throws IOException {
        if (ack) {
            return null;
        }
        SipServlet servlet = container.servlets().resolve(request.getRequestURI());
        if (servlet == null) {
            PEER_LOG.log(
                    Level.INFO,
                    peer(),
                    "404",
                    () -> "404 to " + request.getMethod() + " " + request.getRequestURI() + " from "
                            + request.getConnection().getId() + ": no servlet for that user or domain");
            answer(404, null);
            return null;
        }
        if (DIALOG_CREATING.contains(request.getMethod())) {
            request.setSession(container.sessions().create(request, servlet));
        }
        return servlet;
    }

    /** The live dialog the request names, or null. */
    private Session dialog() {
        Session session =
                container.sessions().find(request.getCallId(), request.jain().getToTag());
        return session == null || !session.isValid() ? null : session;
    }

    private SipServlet inDialog(boolean ack) throws IOException {
        Session session = request.getSession();
        if (session == null || !session.isValid()) {
            if (!ack) {
                PEER_LOG.log(
                        Level.INFO,
                        peer(),
                        "481",
                        () -> "481 to " + request.getMethod() + " " + request.getCallId() + " from "
                                + request.getConnection().getId() + ": no such dialog");
                answer(481, null);
            }
            return null;
        }
        request.setSession(session);
        if (!session.accept(request, System.nanoTime())) {
            PEER_LOG.log(
                    Level.INFO,
                    peer(),
                    "CSeq",
                    () -> "500 to " + request.getMethod() + " CSeq " + request.getCSeq() + " in " + session.getId()
                            + ": CSeq out of order");
            answer(500, "CSeq out of order");
            return null;
        }
        return session.servlet();
    }

    private void answer(int status, String reason) {
        try {
            SipServletResponse response = request.createResponse(status, reason);
            if (status == 503) {
                response.setHeader(
                        "Retry-After", Integer.toString(container.config().getRetryAfterSeconds()));
            }
            response.send();
        } catch (IOException | RuntimeException e) {
            PEER_LOG.log(
                    Level.INFO,
                    peer(),
                    "cannot send",
                    () -> "cannot send " + status + " to "
                            + request.getConnection().getId() + ": " + e.getMessage());
        }
    }

    private String peer() {
        return request.getConnection().getRemoteAddress();
    }

    /** The executor refused the work (it is shutting down or saturated). */
    @Override
    public void reject() {
        if (!"ACK".equals(request.getMethod())) {
            container.overloadAnswered();
            answer(503, null);
        }
    }

    /** Too much queued: 503 at once on the stack thread, without the servlet. */
    static void overloaded(Container container, IncomingRequest request) {
        LOG.fine(() -> "503 to " + request.getMethod() + " from "
                + request.getConnection().getId() + ": " + container.queues().size() + " requests queued");
        container.overloadAnswered();
        new RequestTask(container, request).answer(503, null);
    }
}
