/** The REST API's one error style: every failure as application/problem+json, mapped once here. */
package org.parley.web.rest.problem;
