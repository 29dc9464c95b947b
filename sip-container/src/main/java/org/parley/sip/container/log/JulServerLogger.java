package org.parley.sip.container.log;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.SipStack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;

/**
 * JAIN-SIP's message trace (every message sent and received, in full) on java.util.logging, logger
 * {@code org.parley.sip.trace} at FINE. Named by {@code gov.nist.javax.sip.SERVER_LOGGER}. Off unless
 * the connector's {@code messageTrace} flag is set ({@link #TRACE_PROPERTY}), because formatting every
 * message costs even when the logger would discard it.
 */
public class JulServerLogger implements ServerLogger {

    /** Stack property that turns the message trace on: {@code "true"} or {@code "false"}. */
    public static final String TRACE_PROPERTY = "org.parley.sip.MESSAGE_TRACE";

    private static final Logger LOGGER = Logger.getLogger("org.parley.sip.trace");

    private volatile boolean trace;

    @Override
    public void setStackProperties(Properties properties) {
        trace = Boolean.parseBoolean(properties.getProperty(TRACE_PROPERTY, "false"));
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // The trace needs nothing from the stack.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        if (trace && LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine((sender ? "sent " : "received ") + from + " -> " + to
                    + (status == null ? "" : " (" + status + ")") + "\n" + message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOGGER.log(Level.FINE, "stack exception", ex);
    }

    @Override
    public void closeLogFile() {
        // Nothing is held open: JUL owns the handlers.
    }
}
