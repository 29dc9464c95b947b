/** Add-ins: pages an administrator registers and a room shows beside itself. */
package org.parley.chat.domain.model.addin;
