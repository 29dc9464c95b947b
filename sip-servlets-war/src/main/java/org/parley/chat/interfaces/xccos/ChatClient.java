package org.parley.chat.interfaces.xccos;

/**
 * The client a command comes from, as the chat handlers need it: who it is (already established
 * by the identity step, never read from the XCCOS body) and which endpoint it addressed. Nothing
 * of SIP or of this node leaks through, so handlers run the same behind any transport.
 *
 * @param userUri     the authenticated user, e.g. sip:alice@contoso.com
 * @param endpointUri the chat endpoint URI the client invited; replies come from it
 * @param sessionId   the client's session, unique in the pool; fan-out addresses it
 */
public record ChatClient(String userUri, String endpointUri, String sessionId) {}
