package org.parley.web.rest.admin;

/**
 * A user as administrators see them.
 *
 * @param policy        the policy in effect: the user's own, else Global
 * @param administrator a Persistent Chat administrator (allowed everywhere, also when their policy is off)
 */
public record AdminUserJson(String uri, PolicyJson policy, boolean administrator) {}
