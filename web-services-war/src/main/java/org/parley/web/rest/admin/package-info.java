/**
 * The administrators' REST API: policies, categories, groups, add-ins, history, retention, export and import,
 * compliance, pool and operations.
 */
package org.parley.web.rest.admin;
