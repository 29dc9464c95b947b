/** Who calls the REST API, as the chat services know users (a SIP URI), and the policy check of every call. */
package org.parley.web.rest.security;
