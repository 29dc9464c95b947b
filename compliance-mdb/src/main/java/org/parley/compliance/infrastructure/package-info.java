/**
 * The compliance service's adapters to the outside: its JPA archive and schema migrations, and the XML and JSON
 * Lines files compliance officers read.
 */
package org.parley.compliance.infrastructure;
