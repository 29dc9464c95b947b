/** Files in the REST API: uploads, downloads with ranges, and transfers by XCCOS file token. */
package org.parley.web.rest.files;
