/** TLS for the SIP connector: a self-signed key store for development. */
package org.parley.sip.container.tls;
