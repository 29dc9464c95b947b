package org.parley.sip.container;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ExpiresHeader;

import gov.nist.javax.sip.message.SIPResponse;

import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.servlet.SipURI;

/**
 * Sends responses to received requests, adding what RFC 3261 and RFC 4028 want of 2xx answers
 * when the servlet did not: Contact (INVITE, UPDATE, SUBSCRIBE, REFER) and, for INVITE and UPDATE in
 * a dialog, {@code Session-Expires: n;refresher=uac} (n = the connector's value, or the client's if
 * smaller) with {@code Require: timer} when the client said {@code Supported: timer}. The client
 * refreshes (SIPE at n - 10 s, with UPDATE); the session expires a little after n without any request
 * from it: min(32 s, n/3) later, the slack RFC 4028 §10 gives the refresher.
 */
final class Responder {

    private static final long MAX_GRACE_SECONDS = 32;

    private final Container container;

    Responder(Container container) {
        this.container = container;
    }

    void send(OutgoingResponse response) throws IOException {
        if (!response.request().claim(response.getStatus() >= 200)) {
            throw new IllegalStateException(response.request().getMethod() + " "
                    + response.request().getCSeq() + " already has its final response");
        }
        transmit(response);
    }

    /** For a final response whose right to be sent was claimed already ({@link IncomingRequest#cancel()}). */
    void sendClaimed(OutgoingResponse response) throws IOException {
        transmit(response);
    }

    private void transmit(OutgoingResponse response) throws IOException {
        IncomingRequest request = response.request();
        int status = response.getStatus();
        long sessionExpires = status / 100 == 2 ? decorate(response) : -1;
        container.interceptors().outgoing(response);
        response.markSent();
        try {
            if (!container.connections().isOpen(request.getConnection())) {
                // Sending would make the stack connect to the client's port anew, which nobody listens on.
                throw new IOException("connection " + request.getConnection().getId() + " closed; no " + status + " to "
                        + request.getMethod());
            }
            ServerTransaction transaction = request.transaction();
            if (transaction != null) {
                transaction.sendResponse(response.jain());
            } else {
                container.provider().sendResponse(response.jain());
            }
        } catch (SipException | InvalidArgumentException e) {
            throw new IOException(
                    "cannot send " + status + " to " + request.getMethod() + " from "
                            + request.getConnection().getId(),
                    e);
        } finally {
            account(response, sessionExpires);
        }
    }

    private void account(OutgoingResponse response, long sessionExpires) {
        IncomingRequest request = response.request();
        Session session = request.getSession();
        if (session == null) {
            return;
        }
        int status = response.getStatus();
        SipSessionEndReason end =
                session.responded(request.getMethod(), status, request.isInitial(), System.nanoTime());
        if (end != null) {
            container.sessions().end(session, end);
        } else if (sessionExpires > 0) {
            session.setExpires(Duration.ofSeconds(sessionExpires + Math.min(MAX_GRACE_SECONDS, sessionExpires / 3)));
        } else if (status / 100 == 2 && "SUBSCRIBE".equals(request.getMethod())) {
            ExpiresHeader expires = response.jain().getExpires();
            long seconds = expires != null ? expires.getExpires() : 0;
            session.setExpires(Duration.ofSeconds(seconds + MAX_GRACE_SECONDS));
        }
    }

    /** @return the Session-Expires put on the response, or -1 */
    private long decorate(OutgoingResponse response) {
        IncomingRequest request = response.request();
        SIPResponse jain = response.jain();
        String method = request.getMethod();
        Session session = request.getSession();
        if (needsContact(method) && jain.getContactHeader() == null) {
            jain.setHeader(container.contact(localUser(request, session), request.getConnection()));
        }
        if (session == null
                || !("INVITE".equals(method) || "UPDATE".equals(method))
                || jain.getHeader("Session-Expires") != null) {
            return -1;
        }
        long seconds = container.config().getSessionExpires().toSeconds();
        long requested = leadingNumber(request.getHeader("Session-Expires"));
        if (requested > 0) {
            seconds = Math.min(seconds, requested);
        }
        response.addHeader("Session-Expires", seconds + ";refresher=uac");
        if (supportsTimer(request.getHeaders("Supported"))) {
            response.addHeader("Require", "timer");
        }
        return seconds;
    }

    private static String localUser(IncomingRequest request, Session session) {
        if (session != null) {
            return session.localUser();
        }
        return request.getRequestURI() instanceof SipURI sip ? sip.getUser() : null;
    }

    private static boolean needsContact(String method) {
        return switch (method) {
            case "INVITE", "UPDATE", "SUBSCRIBE", "REFER" -> true;
            default -> false;
        };
    }

    private static boolean supportsTimer(List<String> supported) {
        for (String value : supported) {
            for (String option : value.split(",")) {
                if ("timer".equals(option.trim().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long leadingNumber(String value) {
        if (value == null) {
            return -1;
        }
        int end = 0;
        String trimmed = value.trim();
        while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end))) {
            end++;
        }
        try {
            return end == 0 ? -1 : Long.parseLong(trimmed.substring(0, end));
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }
}
