/** Chat in a browser: the live event stream of the rooms a web client watches (docs/web-chat.md). */
package org.parley.web.rest.chat;
