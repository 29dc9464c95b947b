/**
 * The SIP servlet API Parley's chat is written against, shaped like JSR 289 (no SIP servlet container exists for
 * Jakarta EE 10).
 */
package org.parley.sip.servlet;
