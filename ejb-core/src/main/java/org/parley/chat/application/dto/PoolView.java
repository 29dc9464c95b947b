package org.parley.chat.application.dto;

import java.util.List;

/**
 * The pool as this node sees it: the nodes of its cluster view and those it knows participants of.
 *
 * @param enabled whether this node is one of a pool ({@code PARLEY_POOL_ENABLED}); one node reports itself alone
 * @param node    this node's name
 * @param nodes   this node first, then the others by name
 */
public record PoolView(boolean enabled, String node, List<Node> nodes) {

    /**
     * @param name         the node's name ({@code jboss.node.name})
     * @param inView       whether it is in the cluster's view now (a node just gone is still listed while its
     *                     participants are being taken out, never after)
     * @param described    whether it has described its presence to this node (it is up and answering)
     * @param participants its sessions' places in rooms (a session in three rooms counts three)
     * @param sessions     its client sessions that are in at least one room
     */
    public record Node(String name, boolean inView, boolean described, int participants, int sessions) {}
}
