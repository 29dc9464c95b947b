/**
 * XCCOS chat: the dispatcher of commands to their handlers, and the fan-out of posts and notices to a room's
 * participants on this node.
 */
package org.parley.chat.interfaces.xccos;
