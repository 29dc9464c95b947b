package org.parley.web.rest.problem;

import java.io.IOException;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A request body that is no JSON, or JSON of the wrong shape (an unknown enum value, a string for a number),
 * is the client's error: 400. The JSON-B reader reports it as a ProcessingException, which would otherwise
 * be a 500, and which cannot be told apart from the server's own failures once it leaves the reader.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException e) {
            throw new BadRequestException(detail(e), e);
        }
    }

    /** Where a syntax error is, but not the Java types the binding failed on. */
    static String detail(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException parsing) {
                return "the request body is not JSON: " + parsing.getMessage();
            }
        }
        return "the request body is not JSON of the expected shape";
    }
}
