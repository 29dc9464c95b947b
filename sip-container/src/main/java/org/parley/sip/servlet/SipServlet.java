package org.parley.sip.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Base class of SIP servlets (JSR 289 {@code SipServlet}): {@link #service} calls the {@code doXxx}
 * method of the request's method. Every {@code doXxx} must send a final response (except
 * {@code doAck} and {@code doCancel}, which the layer has already handled); when it returns without one
 * the layer answers 500.
 *
 * <p>Defaults: a method the servlet does not override is answered {@code 405 Method Not Allowed} with
 * an {@code Allow} header listing the overridden methods plus those the layer always handles (ACK,
 * CANCEL, BYE, UPDATE, OPTIONS). BYE and UPDATE are answered 200 (the layer only passes them on for
 * live dialogs; the session ends after a BYE whatever the answer), OPTIONS 200 with {@code Allow}, and
 * a method that SIP does not define here {@code 501 Not Implemented} (see {@link #doExtension}).
 */
public abstract class SipServlet {

    private static final Map<String, String> HANDLERS = handlers();
    private static final Set<String> ALWAYS_ALLOWED = Set.of("ACK", "CANCEL", "BYE", "UPDATE", "OPTIONS");

    private volatile SipServletContext context;
    private volatile Set<String> allowedMethods;

    /** Called once by the container before the first request. */
    public void init(SipServletContext servletContext) {
        this.context = servletContext;
    }

    /** Called once when the connector stops. */
    public void destroy() {}

    protected SipServletContext getServletContext() {
        return context;
    }

    protected SipFactory getSipFactory() {
        return context.getSipFactory();
    }

    public void service(SipServletRequest request) throws SipServletException, IOException {
        switch (request.getMethod()) {
            case "INVITE" -> doInvite(request);
            case "ACK" -> doAck(request);
            case "INFO" -> doInfo(request);
            case "BYE" -> doBye(request);
            case "CANCEL" -> doCancel(request);
            case "OPTIONS" -> doOptions(request);
            case "UPDATE" -> doUpdate(request);
            case "REGISTER" -> doRegister(request);
            case "SUBSCRIBE" -> doSubscribe(request);
            case "NOTIFY" -> doNotify(request);
            case "MESSAGE" -> doMessage(request);
            case "PRACK" -> doPrack(request);
            case "PUBLISH" -> doPublish(request);
            case "REFER" -> doRefer(request);
            default -> doExtension(request);
        }
    }

    protected void doInvite(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doAck(SipServletRequest request) throws SipServletException, IOException {
        // An ACK needs no answer.
    }

    protected void doInfo(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doBye(SipServletRequest request) throws SipServletException, IOException {
        request.createResponse(200).send();
    }

    /** The layer has already answered the CANCEL and, if still possible, the INVITE with 487. */
    protected void doCancel(SipServletRequest request) throws SipServletException, IOException {
        // Nothing left to answer.
    }

    protected void doOptions(SipServletRequest request) throws SipServletException, IOException {
        SipServletResponse response = request.createResponse(200);
        response.setHeader("Allow", String.join(", ", getAllowedMethods()));
        response.send();
    }

    /** Session refresh (RFC 4028) or target refresh; the layer has already refreshed the session timer. */
    protected void doUpdate(SipServletRequest request) throws SipServletException, IOException {
        request.createResponse(200).send();
    }

    protected void doRegister(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doSubscribe(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doNotify(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doMessage(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doPrack(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doPublish(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    protected void doRefer(SipServletRequest request) throws SipServletException, IOException {
        notAllowed(request);
    }

    /** Methods without a {@code doXxx} of their own (e.g. SIPE's BENOTIFY): 501 unless overridden. */
    protected void doExtension(SipServletRequest request) throws SipServletException, IOException {
        request.createResponse(501).send();
    }

    /** The methods this servlet answers, for the {@code Allow} header. */
    public Set<String> getAllowedMethods() {
        Set<String> allowed = allowedMethods;
        if (allowed == null) {
            allowed = new LinkedHashSet<>();
            for (Map.Entry<String, String> handler : HANDLERS.entrySet()) {
                if (ALWAYS_ALLOWED.contains(handler.getKey()) || overrides(handler.getValue())) {
                    allowed.add(handler.getKey());
                }
            }
            allowed = Collections.unmodifiableSet(allowed);
            allowedMethods = allowed;
        }
        return allowed;
    }

    private void notAllowed(SipServletRequest request) throws IOException {
        SipServletResponse response = request.createResponse(405);
        response.setHeader("Allow", String.join(", ", getAllowedMethods()));
        response.send();
    }

    private boolean overrides(String handlerName) {
        for (Class<?> type = getClass(); type != SipServlet.class; type = type.getSuperclass()) {
            try {
                type.getDeclaredMethod(handlerName, SipServletRequest.class);
                return true;
            } catch (NoSuchMethodException notHere) {
                // Look further up.
            }
        }
        return false;
    }

    private static Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        for (String method : new String[] {
            "INVITE",
            "ACK",
            "BYE",
            "CANCEL",
            "OPTIONS",
            "INFO",
            "UPDATE",
            "REGISTER",
            "SUBSCRIBE",
            "NOTIFY",
            "MESSAGE",
            "PRACK",
            "PUBLISH",
            "REFER"
        }) {
            handlers.put(method, "do" + method.charAt(0) + method.substring(1).toLowerCase());
        }
        return Collections.unmodifiableMap(handlers);
    }
}
