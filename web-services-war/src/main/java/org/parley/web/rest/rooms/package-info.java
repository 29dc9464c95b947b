/** Rooms in the REST API: search, settings, roles, invitations, moves and their JSON forms. */
package org.parley.web.rest.rooms;
