package org.parley.chat.application.directory;

/** The directory could not be asked (down, unreachable, refused our credentials); what it said last still holds. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
