package org.parley.sip.servlet;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What requests and responses share (JSR 289 {@code SipServletMessage}). Header names are
 * case-insensitive and compact forms are understood. The layer owns the headers that define the
 * transaction and the dialog (Via, From, To, Call-ID, CSeq, Route, Record-Route, Content-Length):
 * setting, adding or removing them throws {@link IllegalArgumentException}. Content-Type goes with
 * {@link #setContent(byte[], String)}.
 */
public interface SipServletMessage {

    /** The request's method; for a response, the method of its request (from CSeq). */
    String getMethod();

    String getCallId();

    Address getFrom();

    Address getTo();

    /** The CSeq sequence number. */
    long getCSeq();

    /** The first value of a header, exactly as on the wire after the colon, or null. */
    String getHeader(String name);

    /** Every value of a header, in order; empty when absent. */
    List<String> getHeaders(String name);

    /** The names of the headers present, in order, each once. */
    List<String> getHeaderNames();

    /** Replaces every value of the header with this one. */
    void setHeader(String name, String value);

    /** Appends a value to the header. */
    void addHeader(String name, String value);

    void removeHeader(String name);

    /** The body, or an empty array. */
    byte[] getRawContent();

    /** The body decoded with the Content-Type's charset (UTF-8 when it names none), or null without body. */
    String getContentAsString();

    /** The Content-Type header value, or null. */
    String getContentType();

    /** Sets the body and its Content-Type; a null or empty body removes both. */
    void setContent(byte[] content, String contentType);

    /** Sets a text body encoded in {@code charset}. */
    void setContent(String content, String contentType, Charset charset);

    /** The dialog this message belongs to, or null when it belongs to none (REGISTER, OPTIONS, MESSAGE ...). */
    SipSession getSession();

    /** Where the message came from or goes to; null for an out-of-dialog request not sent yet. */
    SipConnection getConnection();

    /**
     * The address a received message came from: for a request its connection's peer, for a response
     * the packet's own source, which need not be where its request went (a forged response). Null for
     * a message Parley sends.
     */
    String getRemoteAddr();

    /** The port a received message came from, -1 for a message Parley sends. */
    int getRemotePort();

    /** True once a request got its final response, or a message was sent. */
    boolean isCommitted();

    /** The whole message as text, as it is (or would go) on the wire. */
    @Override
    String toString();
}
