/**
 * Parley's SIP servlet container on JAIN-SIP: connections, dialogs, transactions and the dispatch to servlets; it
 * knows nothing of chat.
 */
package org.parley.sip.container;
