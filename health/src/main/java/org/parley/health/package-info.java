/** Parley's health probes and readiness, shared by the deployments of the EAR. */
package org.parley.health;
