/**
 * A SIP client for tests and benchmarks, on plain sockets: {@link org.parley.sip.testkit.RawSip}
 * (one connection, message parsing, bounded waits that hold what arrives out of turn) and
 * {@link org.parley.sip.testkit.ClientDialog} (one dialog written the way pidgin-sipe writes it).
 * Nothing here depends on Parley or on a test framework.
 */
package org.parley.sip.testkit;
