/** The web services' access log. */
package org.parley.web.access;
