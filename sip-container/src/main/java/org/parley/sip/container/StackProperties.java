package org.parley.sip.container;

import java.security.NoSuchAlgorithmException;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import org.parley.sip.container.log.JulServerLogger;
import org.parley.sip.container.log.JulStackLogger;

/** The JAIN-SIP configuration of a connector's stack. */
final class StackProperties {

    static final String READ_TIMEOUT = "gov.nist.javax.sip.READ_TIMEOUT";

    private StackProperties() {}

    static Properties of(SipConnectorConfig config, String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        // The layer keeps its own dialogs: JAIN-SIP's would fight SIPE's quirks (no Via branch, CSeq rules).
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        p.setProperty(
                "gov.nist.javax.sip.SIP_MESSAGE_VALVE",
                BranchlessAckValve.class.getName() + "," + ResponseCheckValve.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParser.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty(JulStackLogger.DEBUG_PROPERTY, Boolean.toString(config.isStackDebug()));
        p.setProperty(JulServerLogger.TRACE_PROPERTY, Boolean.toString(config.isMessageTrace()));
        // The listener only queues, so it can run on the thread that read the message: per-connection order is kept.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.getUdpThreads()));
        // Clients do not listen: connections they open must stay, to carry our requests back; so no idle limit
        // (0: JAIN-SIP's NIO closes none for idling) either.
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "0");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.getMaxMessageSize()));
        // JAIN-SIP's NIO channels ignore it; NioSipStack hands it to the container's MessageDeadline.
        long readTimeout = config.getReadTimeout().toMillis();
        p.setProperty(READ_TIMEOUT, readTimeout > 0 ? Long.toString(readTimeout) : "-1");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
        if (config.getTlsPort() > 0) {
            tls(p, config);
        }
        return p;
    }

    private static void tls(Properties p, SipConnectorConfig config) {
        p.setProperty(
                "javax.net.ssl.keyStore",
                config.getKeyStorePath().toAbsolutePath().toString());
        p.setProperty("javax.net.ssl.keyStorePassword", config.getKeyStorePassword());
        p.setProperty("javax.net.ssl.keyStoreType", config.getKeyStoreType());
        // Clients are not asked for certificates. ("DisabledAll" would be wrong: JAIN-SIP then builds its
        // TLS context without our key, and every handshake fails with "No available authentication scheme".)
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        // JAIN-SIP's defaults (TLSv1..1.2, 2010-era RSA/3DES suites) fail against today's JDKs and clients.
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
        try {
            p.setProperty(
                    "gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                    String.join(
                            ",",
                            SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }
}
