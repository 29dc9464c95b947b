/** What every aggregate uses: the one chat exception (with its reason), text rules and hashes. */
package org.parley.chat.domain.shared;
