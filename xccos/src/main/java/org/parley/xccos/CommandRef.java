package org.parley.xccos;

/**
 * Identifies a command for its reply. Clients send seqid="1" on everything, so only the pair of
 * the envelope's envid and the seqid tells commands apart (docs/protocol/xccos.md §5).
 */
public record CommandRef(String envid, String seqid) {}
