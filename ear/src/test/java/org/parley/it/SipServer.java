package org.parley.it;

import java.io.IOException;
import java.nio.file.Path;

import org.parley.sip.testkit.RawSip;

/**
 * The test server's SIP side as configure-system-properties.cli sets it up (the managed server
 * inherits this JVM's environment, so the same PARLEY_SIP_* overrides apply to both), and the
 * XCCOS the tests send and read.
 */
final class SipServer {

    static final String DOMAIN = "contoso.com";
    static final String LOOKUP = "sip:ocschat@" + DOMAIN;
    static final String CHAT = "sip:GC-1-PersistentChatService-1@" + DOMAIN;
    static final String ALICE = "sip:alice@" + DOMAIN;

    private SipServer() {}

    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("PARLEY_SIP_PORT", "5060"));
    }

    static int tlsPort() {
        return Integer.parseInt(System.getenv().getOrDefault("PARLEY_SIP_TLS_PORT", "5061"));
    }

    /** The self-signed certificate the connector made at its first start, beside its keystore. */
    static Path pem() {
        String configuration = System.getProperty("jboss.server.config.dir");
        if (configuration != null) {
            // In-container: the server's own configuration directory.
            return Path.of(configuration, "parley-sip.p12.pem");
        }
        return Path.of(
                System.getProperty("parley.test.server.base", "target/test-server"),
                "configuration",
                "parley-sip.p12.pem");
    }

    static RawSip client(String transport) throws IOException {
        return RawSip.of(transport, "TLS".equals(transport) ? tlsPort() : port(), pem());
    }

    /** One command envelope, byte for byte as SIPE writes it (docs/protocol/real-client.md A.3). */
    static String command(String id, long envid) {
        return XccosTestClient.envelope(Long.toString(envid), "<cmd id=\"" + id + "\" seqid=\"1\"><data/></cmd>");
    }

    /** An XPath over an XCCOS body, namespaces ignored: e.g. "/xccos/rpl/@id". */
    static String xpath(String xml, String expression) {
        return XccosTestClient.text(XccosTestClient.parse(xml), expression);
    }
}
