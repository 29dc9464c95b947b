package org.parley.sip.container;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The CPU of making and encoding one signed INFO of a chat post in a dialog, as JAIN-SIP encodes it and from the
 * dialog's {@link DialogHead}, and of making it only, in turns on the same thread (its CPU time, so the machine's other work counts little).
 * Nothing is sent. Excluded from the build; run with {@code mvn -pl sip-container test -Dsip.test.excludedGroups=
 * -Dgroups=benchmark -Dtest=DialogHeadBenchmark} (-Dbench.requests=20000 to change the count).
 */
@Tag("benchmark")
class DialogHeadBenchmark {

    private static final byte[] BODY = ("<grpchat id=\"grpchat\" chanUri=\"ma-chan://contoso.com/room\" author=\"sip:u1"
                    + "@contoso.com\" ts=\"2026-12-08T00:00:00Z\" msgId=\"1234\"><chat>a post of about a hundred "
                    + "characters, as the benchmark's generator sends them.</chat></grpchat>")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void encodeInfo() throws Exception {
        int requests = Integer.getInteger("bench.requests", 20_000);
        Logger.getLogger("org.parley.sip").setLevel(Level.WARNING);
        Path dir = Files.createTempDirectory("sip-bench");
        try (Loopback server = new Loopback(dir, b -> b);
                RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            dialog.call("INFO", "hello");
            Session session = (Session) server.created.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long[] jain = new long[2];
            long[] head = new long[2];
            long[] made = new long[2];
            long sink = 0;
            for (int turn = 0; turn < 6; turn++) {
                boolean measured = turn >= 2;
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < requests; i++) {
                    sink += signed(session).jain().encodeAsBytes("TCP").length;
                }
                long middle = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < requests; i++) {
                    sink += signed(session).wire().length;
                }
                long end = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < requests; i++) {
                    sink += signed(session).getCSeq();
                }
                long after = cpu.getCurrentThreadCpuTime();
                if (measured) {
                    made[0] += after - end;
                    made[1] += requests;
                    jain[0] += middle - start;
                    jain[1] += requests;
                    head[0] += end - middle;
                    head[1] += requests;
                }
            }
            System.out.printf(
                    "DialogHead benchmark: made and encoded by JAIN-SIP %.2f us, from the dialog's head %.2f us, made"
                            + " only %.2f us of CPU per signed INFO (%d each; %d)%n",
                    jain[0] / 1e3 / jain[1], head[0] / 1e3 / head[1], made[0] / 1e3 / made[1], jain[1], sink);
        }
    }

    /** An INFO as SipClientDelivery makes it, signed as SipaeSigning does, its branch set as Outbound sets it. */
    private static OutgoingRequest signed(Session session) throws Exception {
        OutgoingRequest info = (OutgoingRequest) session.createRequest("INFO");
        info.setContent(BODY, "text/plain");
        info.setHeader(
                "Authentication-Info",
                "NTLM qop=\"auth\", opaque=\"4A7B2C1D\", srand=\"0F1E2D3C\", snum=\"1\","
                        + " rspauth=\"01000000000000009a4c3b2e1f0d5c6b\", targetname=\"127.0.0.1\","
                        + " realm=\"SIP Communications Service\", version=4");
        info.jain().getTopmostVia().setBranch("z9hG4bK-pl-bench-" + info.getCSeq());
        return info;
    }
}
