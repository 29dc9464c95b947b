package org.parley.sip.container;

import java.text.ParseException;

import gov.nist.javax.sip.header.To;

/** Parses addresses and URIs, turning JAIN-SIP's checked ParseException into IllegalArgumentException. */
final class Parsing {

    private Parsing() {}

    static javax.sip.address.URI uri(String uri) {
        try {
            return Jain.ADDRESSES.createURI(uri.trim());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a URI: " + uri, e);
        }
    }

    /** A name-addr with parameters parses like the value of a To header. */
    static JainAddress address(String address) {
        try {
            return JainAddress.of((To) Jain.HEADERS.createHeader("To", address.trim()));
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }
}
