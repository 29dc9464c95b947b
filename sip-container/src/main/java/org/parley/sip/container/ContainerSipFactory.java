package org.parley.sip.container;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sip.InvalidArgumentException;

import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;

import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipFactory;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipURI;
import org.parley.sip.servlet.URI;

/** The {@link SipFactory} of one connector; requests need it started. */
final class ContainerSipFactory implements SipFactory {

    private final Supplier<Container> container;

    ContainerSipFactory(Supplier<Container> container) {
        this.container = container;
    }

    @Override
    public Address createAddress(String address) {
        return Parsing.address(address);
    }

    @Override
    public URI createURI(String uri) {
        return JainUri.of(Parsing.uri(uri));
    }

    @Override
    public SipServletRequest createRequest(String method, Address from, Address to) {
        Container started = container.get();
        if (started == null) {
            throw new IllegalStateException("connector not started");
        }
        JainAddress sender = JainAddress.of(from);
        JainAddress target = JainAddress.of(to);
        URI requestUri = target.getURI();
        String transport = requestUri instanceof SipURI sip && sip.getTransportParam() != null
                ? sip.getTransportParam().toUpperCase(Locale.ROOT)
                : "UDP";
        try {
            From fromHeader = new From();
            fromHeader.setAddress(sender.toJainAddress());
            fromHeader.setTag(Jain.newTag());
            To toHeader = new To();
            toHeader.setAddress(target.toJainAddress());
            SIPRequest request = (SIPRequest) Jain.MESSAGES.createRequest(
                    JainUri.toJain(requestUri),
                    method,
                    Jain.HEADERS.createCallIdHeader(
                            Jain.newCallId(started.config().getHostName())),
                    Jain.HEADERS.createCSeqHeader(1L, method),
                    fromHeader,
                    toHeader,
                    List.of(started.via(transport)),
                    Jain.HEADERS.createMaxForwardsHeader(70));
            return new OutgoingRequest(started, request, null, null);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot create " + method + " to " + to, e);
        }
    }
}
