/** Categories in the REST API. */
package org.parley.web.rest.categories;
