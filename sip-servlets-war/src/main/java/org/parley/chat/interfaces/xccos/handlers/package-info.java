/**
 * One handler per XCCOS command (docs/protocol/xccos.md section 7), each turning a command into chat service calls and a
 * reply.
 */
package org.parley.chat.interfaces.xccos.handlers;
