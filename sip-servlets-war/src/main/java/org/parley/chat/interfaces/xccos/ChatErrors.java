package org.parley.chat.interfaces.xccos;

import jakarta.ejb.EJBException;

import org.parley.chat.domain.shared.ChatException;
import org.parley.xccos.Result;
import org.parley.xccos.XccosException;

/**
 * The one place chat failures become XCCOS result codes. The text goes to the user verbatim
 * (SIPE shows it), so it says what happened without internals.
 */
public final class ChatErrors {

    private ChatErrors() {
    }

    public static Result toResult(Throwable failure) {
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
        return Result.internalError("The server could not carry out the command");
    }
}
