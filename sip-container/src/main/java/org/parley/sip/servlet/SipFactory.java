package org.parley.sip.servlet;

/** Creates addresses, URIs and requests outside any dialog (JSR 289 {@code SipFactory}). */
public interface SipFactory {

    /**
     * Parses a name-addr or addr-spec, e.g. {@code "Chat" <sip:ocschat@contoso.com>;tag=1}.
     *
     * @throws IllegalArgumentException when it does not parse
     */
    Address createAddress(String address);

    /** @throws IllegalArgumentException when it does not parse */
    URI createURI(String uri);

    /**
     * A request outside any dialog (MESSAGE, OPTIONS, NOTIFY ...) to {@code to}'s URI, with a new
     * Call-ID, a From tag and CSeq 1; it is routed by its Request-URI (host, port, transport). Send it
     * with {@link SipServletRequest#send()}. Requests that would create a dialog on our side (we as UAC)
     * are not supported.
     */
    SipServletRequest createRequest(String method, Address from, Address to);
}
