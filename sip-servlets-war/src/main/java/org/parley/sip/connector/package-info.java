/** The SIP connector's life in WildFly: its settings, mapping of requests to servlets, readiness gate and meters. */
package org.parley.sip.connector;
