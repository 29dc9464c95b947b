/** What the chat services take and return at their edge: views and requests, no entities. */
package org.parley.chat.application.dto;
