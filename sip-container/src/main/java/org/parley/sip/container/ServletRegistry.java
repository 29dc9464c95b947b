package org.parley.sip.container;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletMapping;
import org.parley.sip.servlet.SipURI;
import org.parley.sip.servlet.URI;

/**
 * Maps initial requests to servlets by the Request-URI's user part, case-insensitively, with an
 * optional default servlet. A Request-URI host outside the served domains maps to nothing (404), as
 * does a URI that is not sip:/sips:.
 */
final class ServletRegistry {

    private final Map<String, SipServlet> byUser = new ConcurrentHashMap<>();
    private volatile SipServlet defaultServlet;
    private final Set<String> domains;

    /** @param domains lower-case host names served; empty serves every host */
    ServletRegistry(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    void add(SipServlet servlet) {
        SipServletMapping mapping = servlet.getClass().getAnnotation(SipServletMapping.class);
        if (mapping == null) {
            throw new IllegalArgumentException(servlet.getClass().getName() + " has no @SipServletMapping");
        }
        add(servlet, mapping.defaultServlet(), mapping.users());
    }

    synchronized void add(SipServlet servlet, boolean isDefault, String... users) {
        for (String user : users) {
            if (byUser.containsKey(key(user))) {
                throw new IllegalStateException("user " + user + " is mapped already");
            }
        }
        if (isDefault && defaultServlet != null) {
            throw new IllegalStateException("there is a default servlet already");
        }
        for (String user : users) {
            byUser.put(key(user), servlet);
        }
        if (isDefault) {
            defaultServlet = servlet;
        }
    }

    /** The servlet for an initial request, or null (404). */
    SipServlet resolve(URI requestUri) {
        if (!(requestUri instanceof SipURI sip)) {
            return null;
        }
        if (!domains.isEmpty() && !domains.contains(sip.getHost().toLowerCase(Locale.ROOT))) {
            return null;
        }
        SipServlet servlet = sip.getUser() == null ? null : byUser.get(key(sip.getUser()));
        return servlet != null ? servlet : defaultServlet;
    }

    Collection<SipServlet> all() {
        Set<SipServlet> all = new LinkedHashSet<>(byUser.values());
        if (defaultServlet != null) {
            all.add(defaultServlet);
        }
        return all;
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }
}
