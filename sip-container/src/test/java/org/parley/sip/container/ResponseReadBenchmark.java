package org.parley.sip.container;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import gov.nist.javax.sip.message.SIPResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU per client 200 read on an accepted connection, in a loop on one thread (#12): JAIN-SIP's way (the deadline,
 * the spelled names, StrictMessageParser's parse, what the valve reads: the fault mark and the top Via's branch)
 * against the lean way (the deadline, HeldMessages, ResponseHead). JAIN-SIP's NIO framing before its parse is
 * left out (it needs a live channel), so the first figure is low. Excluded from the build; run with
 * {@code mvn -o -pl sip-container test -Dsip.test.excludedGroups= -Dgroups=benchmark -Dtest=ResponseReadBenchmark}
 * (-Dbench.responses=2000000).
 */
@Tag("benchmark")
class ResponseReadBenchmark {

    /** As load.py's clients answer a server INFO (its Via, From, To, Call-ID and CSeq copied). */
    private static final byte[] OK = ("SIP/2.0 200 OK\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-pl2x9c1k0f3-184467;rport=5060\r\n"
                    + "From: <sip:ocschat@contoso.com>;tag=b3c9a1f0\r\n"
                    + "To: <sip:user0042@contoso.com>;tag=5e1f2a77;epid=7d00c1a2\r\n"
                    + "Call-ID: 0f1e2d3c4b5a69788796a5b4c3d2e1f0@127.0.0.1\r\n"
                    + "CSeq: 1287 INFO\r\n"
                    + "Content-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void responseReads() throws Exception {
        int n = Integer.getInteger("bench.responses", 2_000_000);
        for (int round = 0; round < 3; round++) {
            System.out.printf(
                    "round %d: JAIN-SIP %.2f us, lean %.2f us of CPU per 200 (%d bytes)%n",
                    round, jain(n) / 1000.0, lean(n) / 1000.0, OK.length);
        }
    }

    /** Nanoseconds of this thread's CPU per response, JAIN-SIP's way. */
    private static double jain(int n) throws Exception {
        MessageDeadline deadline = new MessageDeadline(5000, System.nanoTime());
        FullHeaderNames names = new FullHeaderNames();
        StrictMessageParser parser = new StrictMessageParser();
        long seen = 0;
        long start = cpu();
        for (int i = 0; i < n; i++) {
            deadline.follow(OK);
            byte[] spelled = names.spell(OK);
            SIPResponse response = (SIPResponse) parser.parseSIPMessage(spelled, true, false, null);
            if (StrictMessageParser.fault(response) == null) {
                seen += response.getTopmostVia().getBranch().length() + response.getStatusCode();
            }
        }
        return check(seen, (cpu() - start) / (double) n);
    }

    /** Nanoseconds of this thread's CPU per response, the lean way. */
    private static double lean(int n) throws Exception {
        MessageDeadline deadline = new MessageDeadline(5000, System.nanoTime());
        FullHeaderNames names = new FullHeaderNames();
        HeldMessages messages = new HeldMessages();
        long[] seen = {0};
        long start = cpu();
        for (int i = 0; i < n; i++) {
            deadline.follow(OK);
            messages.read(OK, names::spell, (message, length) -> {
                ResponseHead head = ResponseHead.read(message, length);
                if (head != null && head.fault() == null && names.wouldSkipWhole(head.bodyLength())) {
                    seen[0] += head.topViaBranch().length() + head.status();
                    return true;
                }
                return false;
            });
        }
        return check(seen[0], (cpu() - start) / (double) n);
    }

    private static double check(long seen, double perResponse) {
        if (seen == 0) {
            throw new AssertionError("nothing read");
        }
        return perResponse;
    }

    private static long cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }
}
