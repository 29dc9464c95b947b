package org.parley.chat.interfaces.xccos;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one logger (and those below it) records while open; its messages formatted, their suppliers run. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    static LogCapture of(String loggerName) {
        LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
        capture.setLevel(Level.ALL);
        capture.logger.addHandler(capture);
        return capture;
    }

    /** The one correlation id (a UUID) in a text. */
    static String correlationId(String text) {
        Matcher matcher = UUID.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no correlation id in: " + text);
        }
        return matcher.group();
    }

    /** Records of INFO and above. */
    synchronized List<LogRecord> records() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
