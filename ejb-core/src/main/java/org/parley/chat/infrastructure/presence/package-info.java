/** Who is in which room and which clients are online, in this node's memory (a pool's nodes share theirs). */
package org.parley.chat.infrastructure.presence;
