/** Test doubles and fixtures for the chat services: a real store, a clock, recorded events, assertions. */
package org.parley.chat.testing;
