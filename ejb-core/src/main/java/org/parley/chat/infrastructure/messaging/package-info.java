/**
 * The pool's post road over a clustered JMS topic: the relay that publishes a node's posts and the listener that
 * delivers the others'.
 */
package org.parley.chat.infrastructure.messaging;
