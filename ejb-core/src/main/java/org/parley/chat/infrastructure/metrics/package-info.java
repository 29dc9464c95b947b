/** Parley's meters (posts, deliveries, sign-ins, files, compliance) for Prometheus and the operations page. */
package org.parley.chat.infrastructure.metrics;
