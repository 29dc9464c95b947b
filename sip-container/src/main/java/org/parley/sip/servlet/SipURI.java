package org.parley.sip.servlet;

/** A sip: or sips: URI (JSR 289 {@code SipURI}). Immutable. */
public interface SipURI extends URI {

    /** The user part, or null. */
    String getUser();

    String getHost();

    /** The port, or -1 when the URI has none. */
    int getPort();

    /** The {@code transport} parameter, or null. */
    String getTransportParam();

    /** A URI parameter, or null; an empty string for a parameter without value. */
    String getParameter(String name);

    boolean isSecure();
}
