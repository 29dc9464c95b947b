package org.parley.web.access;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web services' access log: one line per request to {@code /api/*}, on the logger {@value #LOGGER}
 * (configure-logging.cli writes it to {@code parley-access.log}; level OFF turns it off). A servlet filter, not a
 * JAX-RS one, so that what never reaches a resource (a 404 of an unknown path, a token request refused) is logged
 * too; a wrong password's 401 is answered by the container's security before any filter, and is not.
 *
 * <p>No secrets: the XCCOS file token in a {@code filetokens/} path is the credential of that request and is
 * written as {@code [token]}; query parameters that name a token, password or secret lose their values; headers
 * (Authorization among them) are never written. A failure's correlation id (the one its problem+json body and the
 * error's log entry carry) ends the line, so an access line leads to the stack trace.
 *
 * <p>Asynchronous requests pass (an event stream, {@code /api/v1/chat/events}): their line is written when the
 * stream starts, with its status then.
 */
@WebFilter(filterName = "parley-access-log", urlPatterns = "/api/*", asyncSupported = true)
public class AccessLog extends HttpFilter {

    public static final String LOGGER = "org.parley.access";
    /** The response header a failure's correlation id travels in (UnexpectedExceptionMapper sets it). */
    public static final String CORRELATION_HEADER = "Parley-Correlation-Id";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Pattern FILE_TOKEN = Pattern.compile("(/filetokens/)[^/?]+");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("((?:^|&)[^=&]*(?:token|password|secret)[^=&]*=)[^&]*", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!LOG.isLoggable(Level.INFO)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.info(line(
                    request.getRemoteAddr(),
                    request.getRemoteUser(),
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getQueryString(),
                    response.getStatus(),
                    micros,
                    response.getHeader(CORRELATION_HEADER)));
        }
    }

    /** {@code address user "METHOD path?query" status duration-ms [correlation id]}, secrets taken out. */
    static String line(
            String address,
            String user,
            String method,
            String path,
            String query,
            int status,
            long micros,
            String correlationId) {
        StringBuilder line = new StringBuilder(160)
                .append(address)
                .append(' ')
                .append(user == null ? "-" : user)
                .append(" \"")
                .append(method)
                .append(' ')
                .append(redactPath(path));
        if (query != null && !query.isEmpty()) {
            line.append('?').append(redactQuery(query));
        }
        line.append("\" ")
                .append(status)
                .append(' ')
                .append(micros / 1000)
                .append('.')
                .append(String.format("%03d", micros % 1000))
                .append(" ms");
        if (correlationId != null) {
            line.append(" correlation-id=").append(correlationId);
        }
        return line.toString();
    }

    static String redactPath(String path) {
        return FILE_TOKEN.matcher(path).replaceAll("$1[token]");
    }

    static String redactQuery(String query) {
        return SECRET_PARAMETER.matcher(query).replaceAll("$1[redacted]");
    }
}
