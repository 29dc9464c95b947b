package org.parley.chat.application.events;

import java.util.Properties;

/**
 * Whether this node is one of a pool and its name in it, from system properties (configure-system-properties.cli
 * sets {@value #ENABLED} from PARLEY_POOL_ENABLED; WildFly sets {@value #NODE_NAME}, unique per node of a pool).
 *
 * @param enabled  posts go to the other nodes over the post road's clustered topic
 * @param nodeName this node's name: what the other nodes see as the origin of its posts
 */
public record PoolSettings(boolean enabled, String nodeName) {

    public static final String ENABLED = "parley.pool.enabled";
    public static final String NODE_NAME = "jboss.node.name";

    public static PoolSettings from(Properties properties) {
        return new PoolSettings(Boolean.parseBoolean(properties.getProperty(ENABLED, "false").strip()),
                properties.getProperty(NODE_NAME, "parley").strip());
    }
}
