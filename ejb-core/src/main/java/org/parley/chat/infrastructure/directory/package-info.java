/** The LDAP adapter of the enterprise directory, its settings and its periodic refresh. */
package org.parley.chat.infrastructure.directory;
