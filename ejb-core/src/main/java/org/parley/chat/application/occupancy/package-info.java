/** Entering and leaving rooms, one component for every transport: rights, presence, notices, the compliance record. */
package org.parley.chat.application.occupancy;
