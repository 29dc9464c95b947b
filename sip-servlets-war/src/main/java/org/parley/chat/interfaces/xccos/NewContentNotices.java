package org.parley.chat.interfaces.xccos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.FollowService;
import org.parley.chat.application.dto.MessageView;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.Notice;

/**
 * Tells users who follow a room but are not in it that it has new messages [INF: our own notice,
 * ntc:newcontent, with the room's chanib and the newest message id; docs/protocol/xccos.md has no evidence of
 * the original's]. At most one notice per client session and room per {@link #QUIET_PERIOD}, so a
 * busy room does not flood its followers; joining shows them the rest.
 *
 * <p>A post from the road is only queued here (the road's publisher is committing the post and must not wait, nor
 * may anything here run in its finished transaction); the notices are worked out on the SIP layer's executor, from
 * the sessions of followers outside the room this node keeps up to date ({@link FollowersOutside}): no follower
 * query or scan per post, so a post's cost does not grow with the room's followers who are in it or offline; and
 * the quiet periods are kept there too, per room in the order they end, so that it does not grow with the followers
 * outside who were told either: a post where nobody is due costs a look at the first of them.
 */
@ApplicationScoped
public class NewContentNotices {

    private static final Logger LOG = Logger.getLogger(NewContentNotices.class.getName());

    static final Duration QUIET_PERIOD = Duration.ofSeconds(60);
    /**
     * Each room's quiet period is {@link #QUIET_PERIOD} plus a few seconds of its own, so that rooms whose followers
     * were all told in the same second (a node's restart, a pool's failover, every client signing in again at once)
     * do not have all their notices come due in one second a minute later, and again every minute after: with 100
     * rooms of 190 followers outside that was 19,000 INFOs in one second, the p99 of the posts caught behind them.
     * Within a room the length is the same for all, so its sessions' periods still end in the order they were told
     * ({@link FollowersOutside}). Timers are spread the same way elsewhere (jitter on retries and keep-alives).
     */
    private static final int SPREAD_SECONDS = 15;

    static final String INFO_LAST_MESSAGE = "urn:parley:info:lastmsgid";

    @Inject
    FollowService follows;

    @Inject
    ClientDelivery delivery;

    @Inject
    Clock clock;

    @Inject
    FollowersOutside outside;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/parley-sip")
    Executor executor;

    /**
     * Notices to the followers online but not in the room whose quiet period is over, and who may read the
     * room (the read rule of history reads, asked once per post for those due only, so at most once a quiet
     * period per follower; whoever may not stops following).
     */
    public void posted(MessageView message) {
        try {
            executor.execute(() -> {
                try {
                    notifyFollowers(message);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            e,
                            () -> message.roomUri() + ": no new-content notices for post " + message.seq());
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.fine(() -> message.roomUri() + ": no new-content notices for post " + message.seq() + ", " + busy);
        }
    }

    private void notifyFollowers(MessageView message) {
        Instant now = clock.instant();
        Map<String, String> dueSessions =
                outside.takeDue(message.roomUri(), now, now.plus(quietPeriodOf(message.roomUri())));
        if (dueSessions.isEmpty()) {
            return;
        }
        Map<String, List<String>> due = new LinkedHashMap<>();
        dueSessions.forEach((session, follower) ->
                due.computeIfAbsent(follower, k -> new ArrayList<>()).add(session));
        Set<String> readers = follows.readers(message.roomUri(), due.keySet());
        List<String> sessions = new ArrayList<>();
        due.forEach((follower, theirs) -> {
            if (readers.contains(follower)) {
                sessions.addAll(theirs);
            }
        });
        delivery.deliverToAll(
                sessions,
                new Notice(
                        Notice.NEW_CONTENT,
                        List.of(new ChannelInfo(
                                message.roomUri(),
                                null,
                                null,
                                null,
                                List.of(new Property(INFO_LAST_MESSAGE, Long.toString(message.seq()))),
                                List.of(),
                                List.of(),
                                List.of()))));
    }

    /** At least {@link #QUIET_PERIOD}, and less than it plus {@link #SPREAD_SECONDS}: the same for every post of a room. */
    static Duration quietPeriodOf(String roomUri) {
        return QUIET_PERIOD.plusSeconds(Math.floorMod(roomUri.hashCode(), SPREAD_SECONDS));
    }

    /** Forgets a session's quiet periods when it ends. */
    public void sessionEnded(String userUri, String sessionId) {
        outside.signedOut(userUri, sessionId);
    }
}
