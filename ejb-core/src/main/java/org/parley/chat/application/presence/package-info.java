/** Who is online in which room, on this node and (in a pool) on the others, and the clients signed in. */
package org.parley.chat.application.presence;
