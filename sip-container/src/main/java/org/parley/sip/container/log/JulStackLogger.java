package org.parley.sip.container.log;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.core.StackLogger;

/**
 * JAIN-SIP's internal log on java.util.logging, so the stack needs no log4j 1.x (in WildFly, JBoss
 * LogManager picks JUL up). Named by {@code gov.nist.javax.sip.STACK_LOGGER}; the stack creates it
 * through its no-argument constructor.
 *
 * <p>The stack asks {@link #isLoggingEnabled(int)} before building its (expensive) debug strings, so
 * debug output is only produced when the connector's {@code stackDebug} flag is on
 * ({@link #DEBUG_PROPERTY}) <em>and</em> the JUL logger is at FINE or below. The stack also asks it
 * (at INFO) before handing a message to the {@link JulServerLogger}, so the message trace flag counts here too.
 *
 * <p>Its warnings and errors go through a {@link RateLimitedLog}: the stack logs one (often with a stack
 * trace) per failed message or connection, so a thousand clients vanishing at once wrote hundreds of
 * megabytes. Its messages name no peer in a form we can rely on, so the cause is the message with its
 * numbers (addresses, ports, sequence numbers) blanked, and one line per cause and minute is written.
 */
public class JulStackLogger implements StackLogger {

    /** Stack property that turns the stack's debug output on: {@code "true"} or {@code "false"}. */
    public static final String DEBUG_PROPERTY = "org.parley.sip.STACK_DEBUG";

    static final String LOGGER_NAME = "org.parley.sip.stack";
    private static final int CAUSE_LENGTH = 40;

    private final Logger logger = Logger.getLogger(LOGGER_NAME);
    private final RateLimitedLog problems = new RateLimitedLog(logger);
    private volatile boolean debug;
    private volatile boolean trace;
    private volatile boolean enabled = true;

    @Override
    public void setStackProperties(Properties properties) {
        debug = Boolean.parseBoolean(properties.getProperty(DEBUG_PROPERTY, "false"));
        trace = Boolean.parseBoolean(properties.getProperty(JulServerLogger.TRACE_PROPERTY, "false"));
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return enabled
                && logger.isLoggable(toJul(logLevel))
                && (debug || logLevel <= TRACE_WARN || trace && logLevel == TRACE_MESSAGES);
    }

    private static Level toJul(int logLevel) {
        if (logLevel <= TRACE_ERROR) {
            return Level.SEVERE;
        }
        if (logLevel <= TRACE_WARN) {
            return Level.WARNING;
        }
        if (logLevel <= TRACE_INFO) {
            return Level.INFO;
        }
        return logLevel <= TRACE_DEBUG ? Level.FINE : Level.FINEST;
    }

    private void log(int logLevel, String message, Throwable thrown) {
        if (!isLoggingEnabled(logLevel)) {
            return;
        }
        if (logLevel <= TRACE_WARN) {
            problems.log(toJul(logLevel), "stack", cause(message, thrown), thrown, () -> message);
        } else {
            logger.log(toJul(logLevel), message, thrown);
        }
    }

    /**
     * The message's first words with every number blanked, and the exception's class. Only the first words:
     * the stack appends the peer's URI or the whole message to many ("Problem connecting ... for message INFO
     * sip:user@..."), which would make each user a cause of its own.
     */
    static String cause(String message, Throwable thrown) {
        String text = message == null ? "" : message.replaceAll("[0-9a-fA-F]*[0-9][0-9a-fA-F]*", "#");
        text = text.substring(0, Math.min(text.length(), CAUSE_LENGTH));
        return thrown == null ? text : text + " / " + thrown.getClass().getName();
    }

    @Override
    public void logDebug(String message) {
        log(TRACE_DEBUG, message, null);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log(TRACE_DEBUG, message, ex);
    }

    @Override
    public void logTrace(String message) {
        log(TRACE_TRACE, message, null);
    }

    @Override
    public void logInfo(String message) {
        log(TRACE_INFO, message, null);
    }

    @Override
    public void logWarning(String message) {
        log(TRACE_WARN, message, null);
    }

    @Override
    public void logError(String message) {
        log(TRACE_ERROR, message, null);
    }

    @Override
    public void logError(String message, Exception ex) {
        log(TRACE_ERROR, message, ex);
    }

    @Override
    public void logFatalError(String message) {
        log(TRACE_FATAL, message, null);
    }

    @Override
    public void logException(Throwable ex) {
        log(TRACE_ERROR, ex.toString(), ex);
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_TRACE);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // JAIN-SIP asks for a trace at nearly every debug step: keep them below its debug output.
        log(Math.max(traceLevel, TRACE_TRACE), "stack trace", new Throwable("stack trace"));
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        logger.fine(() -> "JAIN-SIP build " + buildTimeStamp);
    }

    @Override
    public String getLoggerName() {
        return LOGGER_NAME;
    }
}
