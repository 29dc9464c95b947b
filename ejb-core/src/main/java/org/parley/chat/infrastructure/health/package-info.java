/**
 * The chat service's health checks (store, file store, messaging, deadlocks), for /health/ready and /health/live.
 */
package org.parley.chat.infrastructure.health;
