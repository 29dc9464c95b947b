package org.parley.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Switches server settings that are read on every request (NTLM sign-in's, configure-system-properties.cli)
 * for the duration of one in-container test, and puts the previous values back however it ends, so
 * the other test classes see the suite's settings (PARLEY_SIP_IDENTITY=trust-from) whatever the order.
 */
final class ServerSettings implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private ServerSettings() {}

    /** NTLM sign-in on; {@code requireTls} false for the plain-TCP tests. */
    static ServerSettings ntlm(boolean requireTls, String... more) {
        ServerSettings settings = new ServerSettings();
        settings.set("parley.sip.identity", "ntlm");
        settings.set("parley.sip.ntlm.require-tls", Boolean.toString(requireTls));
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.set(more[i], more[i + 1]);
        }
        return settings;
    }

    /** One setting, e.g. the directory's refresh interval. */
    static ServerSettings of(String name, String value) {
        ServerSettings settings = new ServerSettings();
        settings.set(name, value);
        return settings;
    }

    /** Front-end identity, trusting the given addresses (comma-separated). */
    static ServerSettings frontEnd(String trusted) {
        ServerSettings settings = new ServerSettings();
        settings.set("parley.sip.identity", "front-end");
        settings.set("parley.sip.trusted-front-ends", trusted);
        return settings;
    }

    private void set(String name, String value) {
        previous.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
