package org.parley.chat.application.dto;

import java.time.Instant;

/** A file transfer token as the client gets it: the token, where to redeem it, until when. */
public record IssuedFileToken(String token, String serverUri, Instant expiresAt) {}
