/**
 * JPA implementations of the domain's repositories, and the interceptor that maps the store's refusals to chat
 * exceptions.
 */
package org.parley.chat.infrastructure.persistence.jpa;
