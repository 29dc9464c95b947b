/**
 * The enterprise directory as the chat service sees it: users' groups, units and state, cached and refreshed,
 * behind the EnterpriseDirectory port.
 */
package org.parley.chat.application.directory;
