package org.parley.sip.container;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.InvalidArgumentException;
import javax.sip.header.ContactHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;

import gov.nist.javax.sip.header.AddressParametersHeader;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;

import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.servlet.URI;

/**
 * A dialog in which we are the UAS (RFC 3261 §12.1.1): the peer's From is the remote party, the
 * Request-URI's To plus our tag the local party, Record-Route as received the route set, the peer's
 * Contact the remote target. Times are {@link System#nanoTime()} values.
 */
final class Session implements SipSession {

    /**
     * How far below the highest CSeq received a request not seen before is still taken. RFC 3261
     * §12.2.2 answers a lower CSeq 500, but over UDP a client's burst of INFOs arrives reordered (and
     * the stack's UDP threads reorder it further), and each of those INFOs is new: refusing them would
     * lose posts the client considers sent. Retransmissions never get here (the transaction layer
     * absorbs them); the window also remembers which numbers it took, so a late copy is still 500.
     */
    static final int REORDER_WINDOW = 64;

    private final Container container;
    private final String callId;
    private final String localTag;
    private final JainAddress localParty;
    private final JainAddress remoteParty;
    private final List<javax.sip.address.Address> routeSet;
    private final SipServlet servlet;
    private final boolean invite;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    private State state = State.INITIAL;
    private javax.sip.address.URI remoteTarget;
    private Connection connection;
    /** Our Contact, built for {@link #contactTransport}: see {@link #contactOn}. */
    private ContactHeader contact;

    private String contactTransport;
    /** The lines of our last request that stay the same in the dialog, encoded ({@link #createRequest}). */
    private DialogHead head;

    private long localCSeq;
    private long remoteCSeq;
    /** Bit i set: CSeq remoteCSeq - 1 - i was taken (a window of {@link #REORDER_WINDOW} below the highest). */
    private long takenBelow;

    private Duration lifetime;
    private long expiresAt;
    private long ackDeadline;
    private boolean awaitingAck;

    Session(Container container, IncomingRequest initial, SipServlet servlet) {
        SIPRequest request = initial.jain();
        this.container = container;
        this.servlet = servlet;
        callId = request.getCallId().getCallId();
        localTag = Jain.newTag();
        localParty = withTag((To) request.getTo(), localTag);
        remoteParty = JainAddress.of(request.getFrom());
        routeSet = recordRoutes(request);
        invite = "INVITE".equals(request.getMethod());
        remoteTarget = contactOrFrom(request);
        connection = initial.getConnection();
        remoteCSeq = request.getCSeq().getSeqNumber();
        lifetime = invite
                ? container.config().getSessionExpires()
                : container.config().getAckTimeout();
        long now = System.nanoTime();
        expiresAt = now + container.config().getAckTimeout().toNanos();
        ackDeadline = expiresAt;
    }

    String key() {
        return key(callId, localTag);
    }

    static String key(String callId, String localTag) {
        return callId + "\n" + localTag;
    }

    String localTag() {
        return localTag;
    }

    SipServlet servlet() {
        return servlet;
    }

    boolean isInvite() {
        return invite;
    }

    /**
     * Bookkeeping of a request the peer sent in this dialog; false when its CSeq is out of order
     * (§12.2.2): lower than the highest received, and either below the {@link #REORDER_WINDOW} or taken already.
     */
    synchronized boolean accept(IncomingRequest request, long now) {
        String method = request.getMethod();
        long cseq = request.getCSeq();
        if ("ACK".equals(method)) {
            awaitingAck = false;
        } else if (!"CANCEL".equals(method) && !takeCSeq(cseq)) {
            return false;
        }
        connection = request.getConnection();
        if (isTargetRefresh(method) && request.jain().getContactHeader() != null) {
            remoteTarget = request.jain().getContactHeader().getAddress().getURI();
        }
        if (state == State.CONFIRMED) {
            expiresAt = now + lifetime.toNanos();
        }
        return true;
    }

    private boolean takeCSeq(long cseq) {
        if (cseq > remoteCSeq) {
            long shift = cseq - remoteCSeq;
            // The old highest becomes bit shift - 1; bits shifted past the window are forgotten.
            if (shift > REORDER_WINDOW) {
                takenBelow = 0;
            } else if (shift == Long.SIZE) {
                takenBelow = 1L << (Long.SIZE - 1);
            } else {
                takenBelow = (takenBelow << shift) | (1L << (shift - 1));
            }
            remoteCSeq = cseq;
            return true;
        }
        if (cseq == remoteCSeq) {
            // Same number, another transaction (a CANCEL's INVITE, a non-INVITE reusing it): as before.
            return true;
        }
        long below = remoteCSeq - cseq;
        if (below > REORDER_WINDOW || (takenBelow & (1L << (below - 1))) != 0) {
            return false;
        }
        takenBelow |= 1L << (below - 1);
        return true;
    }

    /** The dialog-creating request (or a BYE) got this response; true when the session ends with it. */
    synchronized SipSessionEndReason responded(String method, int status, boolean initial, long now) {
        if ("BYE".equals(method) && status >= 200 && status < 300) {
            // A refused BYE (403 to a forged one) ends nothing.
            return SipSessionEndReason.BYE_RECEIVED;
        }
        if (!initial || state == State.TERMINATED) {
            return null;
        }
        if (status >= 300) {
            return SipSessionEndReason.REJECTED;
        }
        if (status >= 200) {
            state = State.CONFIRMED;
            awaitingAck = invite;
            ackDeadline = now + container.config().getAckTimeout().toNanos();
            expiresAt = now + lifetime.toNanos();
        } else if (status > 100 && state == State.INITIAL) {
            state = State.EARLY;
        }
        return null;
    }

    /** Why the session should end at {@code now} on its own, or null. */
    synchronized SipSessionEndReason due(long now) {
        if (state == State.TERMINATED) {
            return null;
        }
        if (awaitingAck && now - ackDeadline > 0) {
            return SipSessionEndReason.ACK_TIMEOUT;
        }
        return now - expiresAt > 0 ? SipSessionEndReason.EXPIRED : null;
    }

    /** Moves to TERMINATED; true for the one caller that did it. */
    synchronized boolean terminate() {
        if (state == State.TERMINATED) {
            return false;
        }
        state = State.TERMINATED;
        return true;
    }

    @Override
    public String getId() {
        return key().replace('\n', ';');
    }

    @Override
    public String getCallId() {
        return callId;
    }

    @Override
    public Address getLocalParty() {
        return localParty;
    }

    @Override
    public Address getRemoteParty() {
        return remoteParty;
    }

    @Override
    public synchronized URI getRemoteTarget() {
        return JainUri.of(remoteTarget);
    }

    @Override
    public synchronized State getState() {
        return state;
    }

    @Override
    public boolean isValid() {
        return getState() != State.TERMINATED;
    }

    @Override
    public synchronized SipConnection getConnection() {
        return connection;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public <T> T getAttribute(String name, Class<T> type) {
        return type.cast(attributes.get(name));
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributes.keySet());
    }

    /** Our requests waiting to be sent in this dialog (behind {@link #outboundInFlight} unanswered ones). */
    private final ArrayDeque<Outbound.Pending> outboundQueue = new ArrayDeque<>();

    private int outboundInFlight;

    enum Admission {
        SEND,
        QUEUED,
        OVERFLOW
    }

    /** Whether a request of ours goes out now, waits in the dialog's queue, or finds the queue full. */
    synchronized Admission admitOutbound(Outbound.Pending pending, int maxInFlight, int maxQueued) {
        if (outboundQueue.isEmpty() && outboundInFlight < maxInFlight) {
            outboundInFlight++;
            return Admission.SEND;
        }
        if (outboundQueue.size() >= maxQueued) {
            return Admission.OVERFLOW;
        }
        outboundQueue.addLast(pending);
        return Admission.QUEUED;
    }

    /** How many of our requests wait in this dialog's queue (not those in flight). */
    synchronized int outboundWaiting() {
        return outboundQueue.size();
    }

    /** One of ours was answered (or failed): the next waiting one, now counted in flight, or null. */
    synchronized Outbound.Pending outboundDone() {
        if (outboundInFlight > 0) {
            outboundInFlight--;
        }
        Outbound.Pending next = outboundQueue.pollFirst();
        if (next != null) {
            outboundInFlight++;
        }
        return next;
    }

    /**
     * One of ours was answered and none waits to be sent: its place in flight is freed and true; false, and nothing
     * changed, when one waits ({@link #outboundDone} then lets it go, from the dialog's queue).
     */
    synchronized boolean outboundDoneIfNoneWaits() {
        if (!outboundQueue.isEmpty()) {
            return false;
        }
        if (outboundInFlight > 0) {
            outboundInFlight--;
        }
        return true;
    }

    /** The dialog ended: what still waited is not sent. */
    synchronized List<Outbound.Pending> dropOutbound() {
        List<Outbound.Pending> dropped = new ArrayList<>(outboundQueue);
        outboundQueue.clear();
        return dropped;
    }

    @Override
    public SipServletRequest createRequest(String method) {
        javax.sip.address.URI ourTarget;
        Connection flow;
        long cseq;
        synchronized (this) {
            if (state != State.CONFIRMED && state != State.EARLY) {
                throw new IllegalStateException("session " + getId() + " is " + state);
            }
            ourTarget = remoteTarget;
            flow = connection;
            cseq = ++localCSeq;
        }
        try {
            SIPRequest request = (SIPRequest) Jain.MESSAGES.createRequest(
                    (javax.sip.address.URI) ourTarget.clone(),
                    method,
                    Jain.HEADERS.createCallIdHeader(callId),
                    Jain.HEADERS.createCSeqHeader(cseq, method),
                    (From) copyParameters(localParty, new From()),
                    (To) copyParameters(remoteParty, new To()),
                    List.of(container.via(flow.transport())),
                    Jain.HEADERS.createMaxForwardsHeader(70));
            for (javax.sip.address.Address route : routeSet) {
                RouteHeader header = Jain.HEADERS.createRouteHeader((javax.sip.address.Address) route.clone());
                request.addHeader(header);
            }
            ContactHeader ourContact = contactOn(flow);
            request.setHeader((ContactHeader) ourContact.clone());
            request.setApplicationData(flow.hop());
            return new OutgoingRequest(container, request, this, flow, made(request, ourTarget, flow, ourContact));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot create " + method + " in session " + getId(), e);
        }
    }

    /**
     * The request's lines that stay the same in this dialog, encoded once ({@link DialogHead}): the head made for the
     * last request if it was made for the same method, target, connection and Contact (the session's own objects:
     * a target refresh, a new connection or Contact replaces them), else a new one from this request.
     */
    private DialogHead.Made made(
            SIPRequest request, javax.sip.address.URI ourTarget, Connection flow, ContactHeader ourContact) {
        SIPHeader[] constant = constantHeaders(request);
        DialogHead current;
        synchronized (this) {
            current = head;
        }
        if (current == null || !current.madeFor(request.getMethod(), ourTarget, flow, ourContact)) {
            current = DialogHead.of(request, ourTarget, flow, ourContact, constant);
            synchronized (this) {
                head = current;
            }
        }
        return current.made(request, constant);
    }

    /** The header objects of a request just made that are the same in every request of the dialog, in any order. */
    private static SIPHeader[] constantHeaders(SIPRequest request) {
        SIPHeader routes = request.getRouteHeaders();
        SIPHeader[] constant = {
            (SIPHeader) request.getCallId(),
            (SIPHeader) request.getFrom(),
            (SIPHeader) request.getTo(),
            (SIPHeader) request.getMaxForwards(),
            request.getContactHeaders(),
            routes
        };
        return routes == null ? Arrays.copyOf(constant, constant.length - 1) : constant;
    }

    @Override
    public synchronized void setExpires(Duration lifetime) {
        this.lifetime = lifetime;
        expiresAt = System.nanoTime() + lifetime.toNanos();
    }

    @Override
    public void invalidate() {
        container.sessions().end(this, SipSessionEndReason.INVALIDATED);
    }

    /**
     * Our Contact in this dialog on {@code flow}'s transport, built once for it: every request we send in the dialog
     * carries a copy, and building one parses a URI. The same object while the transport stays ({@link DialogHead}).
     */
    private synchronized ContactHeader contactOn(Connection flow) {
        if (contact == null || !flow.transport().equals(contactTransport)) {
            contact = container.contact(localUser(), flow);
            contactTransport = flow.transport();
        }
        return contact;
    }

    String localUser() {
        javax.sip.address.URI uri = localParty.toJainAddress().getURI();
        return uri instanceof javax.sip.address.SipURI sip ? sip.getUser() : null;
    }

    @Override
    public String toString() {
        return "SipSession[" + getId() + ", " + getState() + "]";
    }

    private static boolean isTargetRefresh(String method) {
        return switch (method) {
            case "INVITE", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER" -> true;
            default -> false;
        };
    }

    private static JainAddress withTag(To to, String tag) {
        To copy = (To) to.clone();
        try {
            copy.setTag(tag);
        } catch (ParseException e) {
            throw new IllegalStateException("generated tag rejected: " + tag, e);
        }
        return JainAddress.of(copy);
    }

    private static List<javax.sip.address.Address> recordRoutes(SIPRequest request) {
        List<javax.sip.address.Address> routes = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RecordRouteHeader.NAME); it.hasNext(); ) {
            routes.add((javax.sip.address.Address)
                    ((RecordRouteHeader) it.next()).getAddress().clone());
        }
        return List.copyOf(routes);
    }

    private static javax.sip.address.URI contactOrFrom(SIPRequest request) {
        ContactHeader contact = request.getContactHeader();
        javax.sip.address.URI uri = contact != null && contact.getAddress() != null
                ? contact.getAddress().getURI()
                : request.getFrom().getAddress().getURI();
        return (javax.sip.address.URI) uri.clone();
    }

    private static AddressParametersHeader copyParameters(JainAddress from, AddressParametersHeader into) {
        AddressParametersHeader source = from.header();
        into.setAddress(source.getAddress());
        into.setParameters(source.getParameters());
        return into;
    }
}
