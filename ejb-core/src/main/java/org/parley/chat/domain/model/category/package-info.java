/** Categories: who may be in their rooms and create rooms there, their switches and retention. */
package org.parley.chat.domain.model.category;
