/** Producers of the settings and resources the chat services are given (clock, configuration). */
package org.parley.chat.infrastructure.configuration;
