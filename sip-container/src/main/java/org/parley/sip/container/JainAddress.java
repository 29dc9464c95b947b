package org.parley.sip.container;

import gov.nist.javax.sip.header.AddressParametersHeader;

import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.URI;

/**
 * {@link Address} over a private copy of a JAIN-SIP address header (From, To, Contact ...), which
 * holds the name-addr and its parameters (tag, epid, expires ...).
 */
final class JainAddress implements Address {

    private final AddressParametersHeader header;

    private JainAddress(AddressParametersHeader header) {
        this.header = header;
    }

    static JainAddress of(javax.sip.header.HeaderAddress header) {
        return new JainAddress((AddressParametersHeader) ((AddressParametersHeader) header).clone());
    }

    /** A copy of the name-addr, without parameters, for use in a JAIN-SIP header. */
    javax.sip.address.Address toJainAddress() {
        return (javax.sip.address.Address) header.getAddress().clone();
    }

    static JainAddress of(Address address) {
        return address instanceof JainAddress jain ? jain : Parsing.address(address.toString());
    }

    AddressParametersHeader header() {
        return (AddressParametersHeader) header.clone();
    }

    @Override
    public String getDisplayName() {
        return header.getAddress().getDisplayName();
    }

    @Override
    public URI getURI() {
        return JainUri.of(header.getAddress().getURI());
    }

    @Override
    public String getParameter(String name) {
        return header.getParameter(name);
    }

    @Override
    public String toString() {
        return header.getHeaderValue();
    }
}
