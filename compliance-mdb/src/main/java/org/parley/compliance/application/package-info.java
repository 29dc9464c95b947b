/**
 * The compliance service: receives the chat service's batches of events, archives them once, and hands the archive
 * to each configured adapter in order, with its progress, lease and monitoring.
 */
package org.parley.compliance.application;
