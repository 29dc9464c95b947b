package org.parley.sip.servlet;

/** A URI as found in SIP headers and request lines (JSR 289 {@code URI}). Immutable. */
public interface URI {

    String getScheme();

    /** True for sip: and sips: URIs, which are then {@link SipURI}s. */
    boolean isSipURI();

    /** The URI as it goes on the wire. */
    @Override
    String toString();
}
