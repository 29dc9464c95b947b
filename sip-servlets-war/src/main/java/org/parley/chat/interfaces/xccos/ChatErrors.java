package org.parley.chat.interfaces.xccos;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;

import org.parley.chat.domain.shared.ChatException;
import org.parley.xccos.Result;
import org.parley.xccos.XccosException;

/**
 * The one place chat failures become XCCOS result codes (and, for posts, SIP statuses). The text goes to the
 * user verbatim (SIPE shows it), so it says what happened without internals. A failure of the server itself
 * (a 500) is logged here, once, with its stack trace and a correlation id the answer also carries, as the web
 * services do (UnexpectedExceptionMapper): whoever sees the error can quote the id to find the log entry.
 */
public final class ChatErrors {

    private static final Logger LOG = Logger.getLogger(ChatErrors.class.getName());

    private ChatErrors() {}

    public static Result toResult(Throwable failure) {
        return toResult(failure, () -> "a request");
    }

    /** @param what what failed, for the log: the command or post and its sender */
    public static Result toResult(Throwable failure, Supplier<String> what) {
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof XccosException) {
            return Result.badRequest(cause.getMessage());
        }
        if (cause instanceof ChatException chat) {
            return switch (chat.reason()) {
                case NOT_FOUND -> Result.notFound(chat.getMessage());
                case FORBIDDEN, ROOM_DISABLED, DISABLED_BY_POLICY -> Result.forbidden(chat.getMessage());
                case CONFLICT, STALE_VERSION -> Result.conflict(chat.getMessage());
                case INVALID -> Result.badRequest(chat.getMessage());
                case TOO_LARGE -> Result.tooLarge(chat.getMessage());
            };
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, failure, () -> what.get() + " failed, correlation id " + correlationId);
        return Result.internalError("The server could not carry out the command; correlation id " + correlationId);
    }
}
