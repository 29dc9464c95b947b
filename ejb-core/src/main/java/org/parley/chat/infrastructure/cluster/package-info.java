/** The pool's membership as JGroups sees it, for presence and the pool's status. */
package org.parley.chat.infrastructure.cluster;
