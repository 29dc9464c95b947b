package org.parley.chat.application;

import java.time.Instant;

/**
 * A post to store: who posts what where, and what to do once it is stored, before it is published (a SIP client's
 * 200).
 *
 * @param clientTime the client's own time stamp (XCCOS {@code ts}), or null
 * @param stored     runs after the commit, before anyone receives the post
 */
public record PostRequest(String authorUri, String roomUri, String text, Instant clientTime, Runnable stored) {}
