package org.parley.chat.infrastructure.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;

import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.application.presence.PoolPresence;
import org.wildfly.clustering.server.Group;
import org.wildfly.clustering.server.GroupMember;
import org.wildfly.clustering.server.GroupMembership;
import org.wildfly.clustering.server.GroupMembershipEvent;
import org.wildfly.clustering.server.GroupMembershipListener;
import org.wildfly.clustering.server.GroupMembershipMergeEvent;
import org.wildfly.clustering.server.Registration;

/**
 * Who is in the pool, from WildFly's view of its cluster (the default JGroups channel's membership: its members
 * are named by {@code jboss.node.name}), told to {@link PoolPresence}: a node that leaves the view takes its
 * participants with it (about a second after a {@code kill -9}, FD_ALL3's timeout for a hung node), and while a
 * member has not described its presence this node asks it again every {@value #ASK_EVERY_S} s.
 *
 * <p>WildFly's clustering API ({@code org.wildfly.clustering.server}, module {@code org.wildfly.clustering.server.api})
 * binds the default channel's group at {@value #GROUP}; the older {@code java:jboss/clustering/group/default} of
 * the deprecated {@code org.wildfly.clustering.group} API is not bound in WildFly 39. This class is its only user.
 * The listener is called on a JGroups thread, hence the contextual proxy: it runs with this deployment's class
 * loader and naming.
 */
@ExcludeDefaultInterceptors
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolMembership {

    static final String GROUP = "java:jboss/clustering/server/group/default";
    static final long ASK_EVERY_S = 2;

    private static final Logger LOG = Logger.getLogger(PoolMembership.class.getName());

    @Inject
    PoolSettings pool;

    @Inject
    PoolPresence presence;

    @Resource
    ContextService contexts;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    private Group<GroupMember> group;
    private Registration registration;
    private ScheduledFuture<?> asking;

    @PostConstruct
    void start() {
        if (!pool.enabled()) {
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            Group<GroupMember> bound = (Group<GroupMember>) new InitialContext().lookup(GROUP);
            group = bound;
        } catch (NamingException e) {
            LOG.log(
                    Level.SEVERE,
                    "the pool is enabled but this server has no cluster (" + GROUP + "): start it "
                            + "with standalone-full-ha.xml; presence stays this node's",
                    e);
            return;
        }
        GroupMembershipListener<GroupMember> listener = new GroupMembershipListener<>() {
            @Override
            public void updated(GroupMembershipEvent<GroupMember> event) {
                changed(event.getCurrentMembership(), false);
            }

            @Override
            public void merged(GroupMembershipMergeEvent<GroupMember> event) {
                changed(event.getCurrentMembership(), true);
            }
        };
        @SuppressWarnings("unchecked")
        GroupMembershipListener<GroupMember> contextual =
                contexts.createContextualProxy(listener, GroupMembershipListener.class);
        registration = group.register(contextual);
        changed(group.getMembership(), false);
        asking = scheduler.scheduleWithFixedDelay(
                () -> presence.askUndescribed(names(group.getMembership())), 0, ASK_EVERY_S, TimeUnit.SECONDS);
        LOG.info(() -> "pool node " + pool.nodeName() + " in the pool with " + names(group.getMembership()));
    }

    @PreDestroy
    void stop() {
        if (asking != null) {
            asking.cancel(false);
        }
        if (registration != null) {
            registration.close();
        }
    }

    private void changed(GroupMembership<GroupMember> membership, boolean merged) {
        presence.membershipChanged(
                names(membership), group.getLocalMember().equals(membership.getCoordinator()), merged);
    }

    private static Set<String> names(GroupMembership<GroupMember> membership) {
        List<GroupMember> members = membership.getMembers();
        Set<String> names = new LinkedHashSet<>();
        for (GroupMember member : members) {
            names.add(member.getName());
        }
        return names;
    }
}
