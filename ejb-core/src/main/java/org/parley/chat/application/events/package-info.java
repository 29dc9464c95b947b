/**
 * The one road every stored post takes to the nodes that deliver it, and the events of access and room changes
 * every node must hear of.
 */
package org.parley.chat.application.events;
