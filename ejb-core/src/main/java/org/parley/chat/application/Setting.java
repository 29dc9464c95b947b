package org.parley.chat.application;

import java.util.Locale;
import java.util.Properties;

/**
 * A setting read from a system property, with its default: what {@link ChatSetting} and the compliance service's
 * ComplianceSetting have in common. wildfly-config's {@code configure-system-properties.cli} sets each from the
 * environment variable {@link #environmentVariable} names, with the same default.
 */
public interface Setting {

    /** The system property's name. */
    String property();

    /** What applies when the property is not set (null: the setting is required). */
    String fallback();

    /** The default as it applies among {@code properties}; a setting whose default names another property resolves it here. */
    default String fallbackIn(Properties properties) {
        return fallback();
    }

    /**
     * The setting's value in {@code properties}, stripped, or its default when the property is not there at all: one
     * set empty stays empty (an empty administrators list names none).
     */
    default String in(Properties properties) {
        String value = properties.getProperty(property());
        return value == null ? fallbackIn(properties) : value.strip();
    }

    /** The setting's value in this server's system properties. */
    default String value() {
        return in(System.getProperties());
    }

    /** As {@link #value()}, for a setting without a default: fails the start naming what to set. */
    default String required() {
        String value = value();
        if (value == null) {
            throw new IllegalStateException(property() + " is not set (configure-system-properties.cli sets it)");
        }
        return value;
    }

    default boolean enabled() {
        return Boolean.parseBoolean(value());
    }

    /** The environment variable the CLI script sets the property from: its name in capitals, '_' for '.' and '-'. */
    default String environmentVariable() {
        return property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
