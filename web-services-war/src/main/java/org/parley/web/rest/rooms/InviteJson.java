package org.parley.web.rest.rooms;

import jakarta.validation.constraints.NotBlank;

/** @param invitee the SIP URI of the user to invite */
public record InviteJson(@NotBlank String invitee) {}
