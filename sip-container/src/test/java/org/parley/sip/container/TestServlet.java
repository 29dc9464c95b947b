package org.parley.sip.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletMapping;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.testkit.RawSip;

/**
 * Answers INVITE, REGISTER and INFO; an INFO body tells it what else to do: "echo ..." sends an INFO
 * back in the dialog ("reply:" + body), "flood N" sends N INFOs back ("flood:1" .. "flood:N"), "throw" fails,
 * "block" waits for {@link #release}.
 */
@SipServletMapping(users = "ocschat")
class TestServlet extends SipServlet {

    final BlockingQueue<CompletableFuture<SipServletResponse>> sent = new LinkedBlockingQueue<>();
    final BlockingQueue<String> infos = new LinkedBlockingQueue<>();
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        SipServletResponse ok = request.createResponse(200);
        ok.setContent("v=0\r\nm=message 5060 sip null\r\n", "application/sdp", StandardCharsets.UTF_8);
        ok.send();
    }

    @Override
    protected void doRegister(SipServletRequest request) throws IOException {
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Expires", "7200");
        ok.send();
    }

    @Override
    protected void doInfo(SipServletRequest request) throws IOException {
        String body = request.getContentAsString();
        infos.add(body);
        if ("throw".equals(body)) {
            throw new IllegalStateException("servlet failure on purpose");
        }
        if ("block".equals(body)) {
            blocked.countDown();
            try {
                release.await(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        request.createResponse(200).send();
        if (body != null && body.startsWith("flood ")) {
            SipSession session = request.getSession();
            for (int i = 1; i <= Integer.parseInt(body.substring("flood ".length())); i++) {
                SipServletRequest info = session.createRequest("INFO");
                info.setContent("flood:" + i, "text/plain", StandardCharsets.UTF_8);
                sent.add(info.send().toCompletableFuture());
            }
        }
        if (body != null && body.startsWith("echo")) {
            SipSession session = request.getSession();
            SipServletRequest reply = session.createRequest("INFO");
            reply.setContent("reply:" + body, "text/plain", StandardCharsets.UTF_8);
            sent.add(reply.send().toCompletableFuture());
        }
    }
}
