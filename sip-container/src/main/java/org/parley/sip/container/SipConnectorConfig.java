package org.parley.sip.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link SipConnector} listens and behaves. Immutable; build with {@link #builder()}. A port of
 * 0 or less switches that transport off.
 */
public final class SipConnectorConfig {

    private final String bindAddress;
    private final String hostName;
    private final Set<String> domains;
    private final int udpPort;
    private final int tcpPort;
    private final int tlsPort;
    private final Path keyStorePath;
    private final String keyStorePassword;
    private final String keyStoreType;
    private final boolean createKeyStore;
    private final Duration sessionExpires;
    private final Duration ackTimeout;
    private final Duration sweepInterval;
    private final Duration responseTimeout;
    private final int maxQueuedRequests;
    private final int maxOutboundQueue;
    private final int maxOutboundInFlight;
    private final int retryAfterSeconds;
    private final int maxContentLength;
    private final int maxMessageSize;
    private final Duration readTimeout;
    private final int udpThreads;
    private final boolean stackDebug;
    private final boolean messageTrace;

    private SipConnectorConfig(Builder b) {
        bindAddress = b.bindAddress;
        hostName = b.hostName;
        domains = b.domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        udpPort = b.udpPort;
        tcpPort = b.tcpPort;
        tlsPort = b.tlsPort;
        keyStorePath = b.keyStorePath;
        keyStorePassword = b.keyStorePassword;
        keyStoreType = b.keyStoreType;
        createKeyStore = b.createKeyStore;
        sessionExpires = b.sessionExpires;
        ackTimeout = b.ackTimeout;
        sweepInterval = b.sweepInterval;
        responseTimeout = b.responseTimeout;
        maxQueuedRequests = b.maxQueuedRequests;
        maxOutboundQueue = b.maxOutboundQueue;
        maxOutboundInFlight = b.maxOutboundInFlight;
        retryAfterSeconds = b.retryAfterSeconds;
        maxContentLength = b.maxContentLength;
        maxMessageSize = b.maxMessageSize;
        readTimeout = b.readTimeout;
        udpThreads = b.udpThreads;
        stackDebug = b.stackDebug;
        messageTrace = b.messageTrace;
        if (tlsPort > 0 && keyStorePath == null) {
            throw new IllegalArgumentException("TLS needs a keystore path");
        }
        if (maxMessageSize < 4096 || maxContentLength >= maxMessageSize) {
            throw new IllegalArgumentException("maxMessageSize must be at least 4096 and above maxContentLength");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the listening points bind to. */
    public String getBindAddress() {
        return bindAddress;
    }

    /** The name (or IP) the server puts in Via, Contact and its certificate. */
    public String getHostName() {
        return hostName;
    }

    /** The domains served, lower case; empty means any Request-URI host. */
    public Set<String> getDomains() {
        return domains;
    }

    public int getUdpPort() {
        return udpPort;
    }

    public int getTcpPort() {
        return tcpPort;
    }

    public int getTlsPort() {
        return tlsPort;
    }

    public Path getKeyStorePath() {
        return keyStorePath;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    /** Whether a missing keystore is created with a self-signed certificate. */
    public boolean isCreateKeyStore() {
        return createKeyStore;
    }

    /** The Session-Expires put on 2xx answers to INVITE and UPDATE. */
    public Duration getSessionExpires() {
        return sessionExpires;
    }

    /** How long a 2xx to INVITE waits for its ACK before the dialog is dropped. */
    public Duration getAckTimeout() {
        return ackTimeout;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    /**
     * How long a request of ours waits for its final response before it fails as timed out and its dialog ends:
     * RFC 3261's Timer F, 64*T1 (32 s), as JAIN-SIP's client transactions wait.
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /** Requests received but not yet handled, over all dialogs, beyond which new ones get 503. */
    public int getMaxQueuedRequests() {
        return maxQueuedRequests;
    }

    /**
     * Requests of ours waiting to be sent in one dialog, behind {@link #getMaxOutboundInFlight} unanswered ones,
     * beyond which the peer is too slow to keep: its dialog ends ({@code OUTBOUND_OVERFLOW}).
     */
    public int getMaxOutboundQueue() {
        return maxOutboundQueue;
    }

    /** Requests of ours sent in one dialog and not yet answered; further ones wait in the dialog's queue. */
    public int getMaxOutboundInFlight() {
        return maxOutboundInFlight;
    }

    /**
     * How long a TCP or TLS connection may take to send a whole SIP message from its first byte (the
     * first one: from the accept, TLS handshake included) before it is closed; idle time between
     * messages is not limited. Zero or less: no limit.
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Largest body accepted; larger ones get 413. */
    public int getMaxContentLength() {
        return maxContentLength;
    }

    /** Largest message the stack reads from a stream at all (headers and body). */
    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public int getUdpThreads() {
        return udpThreads;
    }

    /** JAIN-SIP's own debug log (logger {@code org.parley.sip.stack} at FINE). */
    public boolean isStackDebug() {
        return stackDebug;
    }

    /** Every message sent and received (logger {@code org.parley.sip.trace} at FINE). */
    public boolean isMessageTrace() {
        return messageTrace;
    }

    /** Defaults: all addresses, localhost, UDP and TCP on 5060, TLS on 5061 with {@code sip-keystore.p12}. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private String hostName = "localhost";
        private Set<String> domains = Set.of();
        private int udpPort = 5060;
        private int tcpPort = 5060;
        private int tlsPort = 5061;
        private Path keyStorePath = Path.of("sip-keystore.p12");
        private String keyStorePassword = "changeit";
        private String keyStoreType = "PKCS12";
        private boolean createKeyStore = true;
        private Duration sessionExpires = Duration.ofSeconds(900);
        private Duration ackTimeout = Duration.ofSeconds(32);
        private Duration sweepInterval = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(32);
        private int maxQueuedRequests = 10_000;
        private int maxOutboundQueue = 256;
        private int maxOutboundInFlight = 32;
        private int retryAfterSeconds = 10;
        private int maxContentLength = 64 * 1024;
        private int maxMessageSize = 256 * 1024;
        private Duration readTimeout = Duration.ofSeconds(5);
        private int udpThreads = 4;
        private boolean stackDebug;
        private boolean messageTrace;

        private Builder() {}

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder hostName(String value) {
            hostName = value;
            return this;
        }

        public Builder domains(Set<String> value) {
            domains = Set.copyOf(value);
            return this;
        }

        public Builder udpPort(int value) {
            udpPort = value;
            return this;
        }

        public Builder tcpPort(int value) {
            tcpPort = value;
            return this;
        }

        public Builder tlsPort(int value) {
            tlsPort = value;
            return this;
        }

        public Builder keyStore(Path path, String password, String type) {
            keyStorePath = path;
            keyStorePassword = password;
            keyStoreType = type;
            return this;
        }

        public Builder createKeyStore(boolean value) {
            createKeyStore = value;
            return this;
        }

        public Builder sessionExpires(Duration value) {
            sessionExpires = value;
            return this;
        }

        public Builder ackTimeout(Duration value) {
            ackTimeout = value;
            return this;
        }

        public Builder sweepInterval(Duration value) {
            sweepInterval = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            responseTimeout = value;
            return this;
        }

        public Builder maxQueuedRequests(int value) {
            maxQueuedRequests = value;
            return this;
        }

        public Builder maxOutboundQueue(int value) {
            maxOutboundQueue = value;
            return this;
        }

        public Builder maxOutboundInFlight(int value) {
            maxOutboundInFlight = value;
            return this;
        }

        public Builder retryAfterSeconds(int value) {
            retryAfterSeconds = value;
            return this;
        }

        public Builder maxContentLength(int value) {
            maxContentLength = value;
            return this;
        }

        public Builder maxMessageSize(int value) {
            maxMessageSize = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder udpThreads(int value) {
            udpThreads = value;
            return this;
        }

        public Builder stackDebug(boolean value) {
            stackDebug = value;
            return this;
        }

        public Builder messageTrace(boolean value) {
            messageTrace = value;
            return this;
        }

        public SipConnectorConfig build() {
            return new SipConnectorConfig(this);
        }
    }
}
