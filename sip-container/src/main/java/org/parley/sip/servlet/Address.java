package org.parley.sip.servlet;

/** A name-addr as in From, To, Contact and Route headers (JSR 289 {@code Address}). Immutable. */
public interface Address {

    /** The display name, or null. */
    String getDisplayName();

    URI getURI();

    /** A header parameter such as {@code tag} or {@code epid}, or null. */
    String getParameter(String name);

    /** The address as it goes on the wire, parameters included. */
    @Override
    String toString();
}
