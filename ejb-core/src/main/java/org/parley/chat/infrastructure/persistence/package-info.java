/** The chat store's schema: migrations at deployment and the reference data a fresh store is seeded with. */
package org.parley.chat.infrastructure.persistence;
