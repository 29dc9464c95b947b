/** Logging of the SIP stack through java.util.logging, rate-limited where a peer could flood it. */
package org.parley.sip.container.log;
