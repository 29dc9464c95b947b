/**
 * The one XCCOS codec (docs/protocol/xccos.md): commands, replies, notices and chat messages read from and written to XML,
 * with external entities never resolved.
 */
package org.parley.xccos;
