package org.parley.chat.application.events;

import java.util.Properties;

import org.parley.chat.application.ChatSetting;

/**
 * Whether this node is one of a pool and its name in it, from system properties (configure-system-properties.cli
 * sets {@value #ENABLED} from PARLEY_POOL_ENABLED; WildFly sets {@value #NODE_NAME}, unique per node of a pool).
 *
 * @param enabled     posts and presence go to the other nodes over the post road's clustered topic
 * @param nodeName    this node's name: what the other nodes see as the origin of its posts
 * @param incarnation this start of the node (a random id): a node restarted under the same name is a new one
 */
public record PoolSettings(boolean enabled, String nodeName, String incarnation) {

    public static final String ENABLED = ChatSetting.POOL_ENABLED.property();
    public static final String NODE_NAME = "jboss.node.name";

    public static PoolSettings from(Properties properties, String incarnation) {
        return new PoolSettings(
                Boolean.parseBoolean(ChatSetting.POOL_ENABLED.in(properties)),
                properties.getProperty(NODE_NAME, "parley").strip(),
                incarnation);
    }
}
