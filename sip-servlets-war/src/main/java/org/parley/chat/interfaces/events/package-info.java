/**
 * The chat node's subscriptions: posts from the road to the fan-out, access and room changes from the room events
 * topic.
 */
package org.parley.chat.interfaces.events;
