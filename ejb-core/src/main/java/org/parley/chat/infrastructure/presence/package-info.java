/** Who is in which room and which clients are online, kept in this node's memory (a pool shares it through the presence relay). */
package org.parley.chat.infrastructure.presence;
