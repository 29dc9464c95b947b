/**
 * What the compliance archive keeps: archived events, each adapter's progress and the dispatch lease one node of a
 * pool holds.
 */
package org.parley.compliance.domain;
