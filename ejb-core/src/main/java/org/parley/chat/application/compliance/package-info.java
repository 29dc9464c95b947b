/**
 * The compliance port of the chat service: events recorded in the action's own transaction (an outbox) and relayed
 * to the compliance queue in batches.
 */
package org.parley.chat.application.compliance;
