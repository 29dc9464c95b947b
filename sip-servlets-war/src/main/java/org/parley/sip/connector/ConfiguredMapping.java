package org.parley.sip.connector;

import java.util.List;

/**
 * A servlet whose Request-URI users come from configuration rather than from a
 * {@link org.parley.sip.servlet.SipServletMapping} annotation (e.g. the chat endpoint's name).
 */
public interface ConfiguredMapping {

    List<String> mappedUsers();
}
