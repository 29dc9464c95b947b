package org.parley.xccos;

/** What a client sends: a command or a post. */
public sealed interface Inbound permits Command, Post {

    CommandRef ref();
}
