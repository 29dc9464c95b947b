package org.parley.sip.servlet;

/** What the container gives a servlet at {@link SipServlet#init(SipServletContext)}. */
public interface SipServletContext {

    SipFactory getSipFactory();
}
