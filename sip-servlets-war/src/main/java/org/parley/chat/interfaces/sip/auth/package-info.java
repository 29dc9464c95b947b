/**
 * NTLM sign-in for Lync clients that reach Parley without a front end: the NTLMv2 server side
 * [MS-NLMP] in its connectionless form and the SIP authentication extensions [MS-SIPAE] that carry
 * it (the REGISTER handshake, then a signature on every message in both directions). Lync-specific,
 * hence here and not in the generic SIP layer. How it plugs into the SIP layer, where NT hashes
 * live and what is not implemented: {@code docs/ntlm-sign-in.md}.
 */
package org.parley.chat.interfaces.sip.auth;
