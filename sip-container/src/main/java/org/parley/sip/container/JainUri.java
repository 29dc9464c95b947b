package org.parley.sip.container;

import org.parley.sip.servlet.SipURI;
import org.parley.sip.servlet.URI;

/** {@link URI} and {@link SipURI} over a private copy of a JAIN-SIP URI. */
class JainUri implements URI {

    private final javax.sip.address.URI uri;

    JainUri(javax.sip.address.URI uri) {
        this.uri = uri;
    }

    static URI of(javax.sip.address.URI uri) {
        javax.sip.address.URI copy = (javax.sip.address.URI) uri.clone();
        return copy instanceof javax.sip.address.SipURI sip ? new Sip(sip) : new JainUri(copy);
    }

    /** A copy for use in a JAIN-SIP message. */
    javax.sip.address.URI toJain() {
        return (javax.sip.address.URI) uri.clone();
    }

    static javax.sip.address.URI toJain(URI uri) {
        if (uri instanceof JainUri jain) {
            return jain.toJain();
        }
        return Parsing.uri(uri.toString());
    }

    @Override
    public String getScheme() {
        return uri.getScheme();
    }

    @Override
    public boolean isSipURI() {
        return uri.isSipURI();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JainUri that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    static final class Sip extends JainUri implements SipURI {

        private final javax.sip.address.SipURI sip;

        Sip(javax.sip.address.SipURI sip) {
            super(sip);
            this.sip = sip;
        }

        @Override
        public String getUser() {
            return sip.getUser();
        }

        @Override
        public String getHost() {
            return sip.getHost();
        }

        @Override
        public int getPort() {
            return sip.getPort();
        }

        @Override
        public String getTransportParam() {
            return sip.getTransportParam();
        }

        @Override
        public String getParameter(String name) {
            return sip.getParameter(name);
        }

        @Override
        public boolean isSecure() {
            return sip.isSecure();
        }
    }
}
