package org.parley.chat.application.dto;

/**
 * What a redeemed (and so deleted) token allowed: who acts, in which room, on which file.
 *
 * @param fileId the file to hand out, for a download token; null for an upload
 */
public record RedeemedFileToken(String userUri, String roomUri, String fileName, Long fileId) {}
