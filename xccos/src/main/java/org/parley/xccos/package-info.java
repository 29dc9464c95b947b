/**
 * The one XCCOS codec (PROTOCOL.md): commands, replies, notices and chat messages read from and written to XML,
 * with external entities never resolved.
 */
package org.parley.xccos;
