package org.parley.chat.infrastructure.retention;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.ExcludeDefaultInterceptors;

import org.parley.chat.application.RetentionService;
import org.parley.chat.application.dto.RetentionView;

/**
 * Runs history retention ({@link RetentionService}) every hour at 23 minutes past, on a persistent calendar timer:
 * kept in the compliance database (configure-timers.cli), so a pool has it once and one node runs each timeout. Each
 * start keeps the timer it finds (another node, or this one before a restart, made it) and cancels any extra.
 */
@ExcludeDefaultInterceptors
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryRetentionTimer {

    private static final Logger LOG = Logger.getLogger(HistoryRetentionTimer.class.getName());
    static final String TIMER = "history retention hourly at :23";

    @Resource
    TimerService timers;

    @EJB
    RetentionService retention;

    @PostConstruct
    void schedule() {
        boolean kept = false;
        for (Timer timer : timers.getTimers()) {
            if (TIMER.equals(timer.getInfo()) && !kept) {
                kept = true;
            } else if (TIMER.equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        if (!kept) {
            timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("23"), new TimerConfig(TIMER, true));
        }
    }

    @Timeout
    void onSchedule(Timer timer) {
        try {
            List<RetentionView> cleared = retention.runScheduled();
            cleared.forEach(room -> LOG.info(() -> "retention: " + room.messages() + " messages older than "
                    + room.days() + " days cleared from " + room.roomName() + " (" + room.roomUri() + ")"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run failed; the next hour's goes on", e);
        }
    }
}
