/** Users' preferences kept on the server (XCCOS getpref/setpref), the same for all their clients. */
package org.parley.chat.domain.model.preference;
