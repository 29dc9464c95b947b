package org.parley.chat.domain.model.file;

/**
 * What the layer that stored a file's bytes tells the store about it.
 *
 * @param storageKey where the file store keeps the bytes (content-addressed or random; chosen there)
 */
public record FileDescription(String fileName, long sizeBytes, String sha256, String contentType, String storageKey) {}
