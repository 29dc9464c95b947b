/**
 * The chat service's use cases, one thin stateless service per aggregate (rooms, categories, posts, history,
 * policies, files, the store), with the cross-cutting steps they share (access changes, room changes, room moves,
 * history clearing).
 */
package org.parley.chat.application;
