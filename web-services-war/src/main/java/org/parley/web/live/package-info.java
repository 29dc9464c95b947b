/** Live delivery to web clients: server-sent event streams of a room's posts and changes, fed by the post road. */
package org.parley.web.live;
