/** Users, groups, policies and principals, and the actor a request is made by, with what it may do. */
package org.parley.chat.domain.model.user;
