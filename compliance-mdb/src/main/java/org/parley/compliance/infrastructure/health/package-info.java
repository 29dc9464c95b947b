/** The compliance service's health check (backlog, adapters' last errors), for /health/ready. */
package org.parley.compliance.infrastructure.health;
