package org.parley.chat.infrastructure.persistence.jpa;

/** The persistence unit of the chat store (META-INF/persistence.xml). */
public final class ChatPersistence {

    public static final String UNIT = "parley-chat";

    private ChatPersistence() {}
}
