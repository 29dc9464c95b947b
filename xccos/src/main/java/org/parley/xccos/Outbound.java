package org.parley.xccos;

/**
 * What the server sends in an INFO: a reply, a notice or a chat message. One kind per envelope,
 * since SIPE reads only replies when any is present, then only notices (docs/protocol/xccos.md §5).
 */
public sealed interface Outbound permits Reply, Notice, ChatMessage {}
