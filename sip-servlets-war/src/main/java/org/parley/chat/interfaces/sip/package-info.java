/**
 * Chat over SIP: the registrar and provisioning, the chat endpoint's dialogs, who a request comes from (NTLM, front
 * end, trust), and the delivery of INFOs.
 */
package org.parley.chat.interfaces.sip;
