package org.zhurnal.core.internal.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.api.event.DomainEventListener;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.internal.entity.EventEntity;
import org.zhurnal.core.internal.entity.EventListenerEntity;
import org.zhurnal.core.internal.persistence.CoreSchema;

/**
 * Delivers committed outbox events to listeners.
 * <ol>
 * <li><b>Sequencing.</b> Under a lock on the sequencer row, committed events without a position get the
 * next positions in serial order. Only committed rows are visible, so a transaction that commits late
 * gets a later position instead of being skipped: positions follow commit order on every node.</li>
 * <li><b>Delivery.</b> Per listener, under a lock on its progress row, the next events after its position
 * are handed over one by one; the new position is stored in the same transaction as whatever the
 * listener writes, so database side effects happen exactly once. A failure stops that listener until
 * a backoff passes and retries the same event (at least once, in order). A listener registered with
 * {@link DomainEventListener#BATCH} gets up to {@code batchSize} events per transaction; a failed batch is rolled back
 * and delivered again one event per transaction, as above.</li>
 * </ol>
 * A new listener starts at the current end of the log (it does not replay history).
 */
@Component(service = EventDispatcher.class, immediate = true, configurationPid = "org.zhurnal.events")
@Designate(ocd = EventDispatcher.Config.class)
public class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    @ObjectClassDefinition(name = "Zhurnal domain events", description = "Outbox dispatcher")
    public @interface Config {
        @AttributeDefinition(description = "Polling interval in milliseconds")
        long pollMillis() default 250;

        @AttributeDefinition(description = "Most events handed to one listener per round (one transaction each, or one "
                + "transaction for all of them for a listener registered as a batch listener)")
        int batchSize() default 100;

        @AttributeDefinition(description = "Longest retry backoff in seconds")
        long maxBackoffSeconds() default 300;
    }

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private volatile Config config;
    private volatile boolean stopping;
    private volatile java.util.concurrent.ScheduledFuture<?> rounds;
    private final Map<String, DomainEventListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, String[]> listenerTypes = new ConcurrentHashMap<>();
    private final java.util.Set<String> batchListeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;

    @Activate
    public EventDispatcher(@Reference(target = "(osgi.unit.name=zhurnal-core)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference CoreSchema schema, Config config) {
        this.jpa = jpa;
        this.clock = clock;
        this.config = config;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhurnal-event-dispatcher");
            t.setDaemon(true);
            return t;
        });
        rounds = executor.scheduleWithFixedDelay(this::safeRun, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A changed configuration takes effect at the next round, without deactivating the component: reactivation
     * would stop the dispatcher thread, and a thread interrupted inside embedded Derby loses its connection (Derby
     * closes it, «Connection closed by unknown interrupt»), which then poisons the pool.
     */
    @org.osgi.service.component.annotations.Modified
    void modified(Config changed) {
        long before = config.pollMillis();
        config = changed;
        if (changed.pollMillis() != before) {
            rounds.cancel(false);
            rounds = executor.scheduleWithFixedDelay(this::safeRun, changed.pollMillis(), changed.pollMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Lets a running round finish its current event (never interrupting it: see {@link #modified}). */
    @Deactivate
    void deactivate() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The event dispatcher's round did not end within 30 s; it stops after its current event");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(DomainEventListener listener, Map<String, Object> props) {
        String id = listenerId(props);
        if (id == null) {
            LOG.warn("Domain event listener {} has no {} property; ignored", listener.getClass().getName(),
                    DomainEventListener.LISTENER_ID);
            return;
        }
        listeners.put(id, listener);
        Object types = props.get(DomainEventListener.EVENT_TYPES);
        listenerTypes.put(id, types instanceof String[] a ? a : types == null ? new String[0] : new String[] {types.toString()});
        if (Boolean.parseBoolean(String.valueOf(props.get(DomainEventListener.BATCH)))) {
            batchListeners.add(id);
        } else {
            batchListeners.remove(id);
        }
    }

    void removeListener(DomainEventListener listener, Map<String, Object> props) {
        String id = listenerId(props);
        if (id != null) {
            listeners.remove(id, listener);
        }
    }

    private static String listenerId(Map<String, Object> props) {
        Object id = props.get(DomainEventListener.LISTENER_ID);
        if (id == null) {
            Object pid = props.get(Constants.SERVICE_PID);
            return pid == null ? null : pid.toString();
        }
        return id.toString();
    }

    private void safeRun() {
        new CallContext(ZhurnalPrincipal.SYSTEM, "event-dispatcher").run(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Event dispatch round failed; will retry: {}", e.toString());
            }
        });
    }

    /** One round: sequence what committed, then feed every listener. Visible for tests and the shell. */
    public void runOnce() {
        sequence();
        for (Map.Entry<String, DomainEventListener> l : listeners.entrySet()) {
            if (stopping) {
                return;
            }
            deliver(l.getKey(), l.getValue(), listenerTypes.getOrDefault(l.getKey(), new String[0]));
        }
    }

    private void sequence() {
        jpa.tx(TransactionType.RequiresNew, em -> {
            Long pending = (Long) em.createQuery("select count(e) from EventEntity e where e.pos is null").getSingleResult();
            if (pending == 0) {
                return;
            }
            em.createNativeQuery("UPDATE zh_event_sequencer SET last_pos = last_pos WHERE name = 'main'").executeUpdate();
            long last = ((Number) em.createNativeQuery("SELECT last_pos FROM zh_event_sequencer WHERE name = 'main'")
                    .getSingleResult()).longValue();
            // Only the serials and sizes: sorting whole rows made Derby sort their payloads (CLOBs) through temporary
            // files, which was most of the dispatcher's work under a stream of journal entries.
            List<Object[]> rows = em.createQuery("select e.serial, e.batchSize from EventEntity e where e.pos is null order by e.serial",
                    Object[].class).setMaxResults(1000).getResultList();
            List<Long> serials = new java.util.ArrayList<>(rows.size());
            List<Integer> sizes = new java.util.ArrayList<>(rows.size());
            for (Object[] r : rows) {
                serials.add(((Number) r[0]).longValue());
                sizes.add(((Number) r[1]).intValue());
            }
            // By the primary key alone: the rows were read as unpositioned under the sequencer's lock, which every
            // sequencing transaction takes first, so none of them can have been positioned since. The earlier range
            // update with "AND pos IS NULL" was, under a stream of journal entries, 29 % of the dispatcher's CPU (Derby
            // visiting and locking many rows per update); by the key alone it is 2 % (docs/benchmarks.md, stop 24).
            last = assign(serials, sizes, last, (from, to, offset) -> (from == to
                    ? em.createNativeQuery(POSITION_ROW).setParameter(1, from + offset).setParameter(2, from)
                    : em.createNativeQuery(POSITION_RUN).setParameter(1, offset).setParameter(2, from).setParameter(3, to)).executeUpdate());
            em.createNativeQuery("UPDATE zh_event_sequencer SET last_pos = ?1 WHERE name = 'main'")
                    .setParameter(1, last).executeUpdate();
        });
    }

    /** Positions one outbox row (a batch row, or a single event): found by its primary key. */
    static final String POSITION_ROW = "UPDATE zh_event SET pos = ?1 WHERE serial = ?2";
    /** Positions a run of consecutive serials of single events: a range of the primary key. */
    static final String POSITION_RUN = "UPDATE zh_event SET pos = serial + ?1 WHERE serial BETWEEN ?2 AND ?3";

    /** Positions a run of consecutive serials: {@code pos = serial + offset} for {@code from <= serial <= to}. */
    interface RunUpdate {
        int apply(long from, long to, long offset);
    }

    /** {@link #assign(List, List, long, RunUpdate)} for rows of one event each. */
    static long assign(List<Long> serials, long last, RunUpdate update) {
        return assign(serials, java.util.Collections.nCopies(serials.size(), 1), last, update);
    }

    /**
     * Gives the rows of the ascending {@code serials} (holding {@code sizes} events each) the positions after {@code last},
     * in that order: a row's position is that of its last event (see {@link EventBatch}). One update per run of
     * consecutive serials of single events (a run has no gap, so every row in its range is one of the listed, still
     * unpositioned rows; a gap is a transaction that had not committed when they were read), one per batch row.
     * @return the new last position
     */
    static long assign(List<Long> serials, List<Integer> sizes, long last, RunUpdate update) {
        int i = 0;
        while (i < serials.size()) {
            if (sizes.get(i) > 1) {
                long serial = serials.get(i);
                long pos = last + sizes.get(i);
                if (update.apply(serial, serial, pos - serial) != 1) {
                    throw new IllegalStateException("Sequencing event batch " + serial + " changed no row");
                }
                last = pos;
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < serials.size() && sizes.get(j + 1) == 1 && serials.get(j + 1) == serials.get(j) + 1) {
                j++;
            }
            long from = serials.get(i);
            long to = serials.get(j);
            int changed = update.apply(from, to, last + 1 - from);
            if (changed != j - i + 1) {
                throw new IllegalStateException("Sequencing events " + from + "–" + to + " changed " + changed + " rows");
            }
            last += changed;
            i = j + 1;
        }
        return last;
    }

    /** Batches handed to a batch listener in one round at most. */
    static final int BATCHES_PER_ROUND = 10;

    private void deliver(String id, DomainEventListener listener, String[] types) {
        if (batchListeners.contains(id)) {
            // Up to BATCHES_PER_ROUND batches while there are more: a burst of entries is worked off in a few rounds.
            try {
                for (int b = 0; b < BATCHES_PER_ROUND && !stopping; b++) {
                    long now = clock.now().toEpochMilli();
                    if (!jpa.txExpr(TransactionType.RequiresNew, em -> deliverNext(em, id, listener, types, now, config.batchSize()))) {
                        return;
                    }
                }
                return;
            } catch (RuntimeException e) {
                LOG.debug("A batch of listener {} failed; its events are offered one per transaction", id, e);
            }
        }
        // One transaction per event: a failure rolls back only that event's effects and keeps the
        // progress made before it, so earlier events are not handed over again.
        for (int i = 0; i < config.batchSize() && !stopping; i++) {
            long now = clock.now().toEpochMilli();
            boolean more;
            try {
                more = jpa.txExpr(TransactionType.RequiresNew, em -> deliverNext(em, id, listener, types, now, 1));
            } catch (RuntimeException e) {
                recordFailure(id, e, now);
                return;
            }
            if (!more) {
                return;
            }
        }
    }

    private void recordFailure(String id, RuntimeException e, long now) {
        Throwable cause = e instanceof ListenerFailure && e.getCause() != null ? e.getCause() : e;
        jpa.tx(TransactionType.RequiresNew, em -> {
            EventListenerEntity state = em.find(EventListenerEntity.class, id);
            if (state != null) {
                state.setFailures(state.getFailures() + 1);
                long backoff = Math.min(config.maxBackoffSeconds() * 1000L, 1000L << Math.min(state.getFailures() - 1, 20));
                state.setNextAttemptAt(now + backoff);
                String msg = String.valueOf(cause);
                state.setLastError(msg.length() > 1000 ? msg.substring(0, 1000) : msg);
                state.setUpdatedAt(now);
            }
        });
        LOG.warn("Listener {} failed; the event will be offered again after a backoff: {}", id, cause.toString());
    }

    /** Hands the next events (at most {@code max}) to the listener; @return whether there may be more to deliver. */
    private boolean deliverNext(EntityManager em, String id, DomainEventListener listener, String[] types, long now, int max) {
        int locked = em.createNativeQuery("UPDATE zh_event_listener SET updated_at = updated_at WHERE listener_id = ?1")
                .setParameter(1, id).executeUpdate();
        if (locked == 0) {
            EventListenerEntity state = new EventListenerEntity();
            state.setListenerId(id);
            Number end = (Number) em.createNativeQuery("SELECT last_pos FROM zh_event_sequencer WHERE name = 'main'")
                    .getSingleResult();
            state.setPos(end.longValue());
            state.setNextAttemptAt(0);
            state.setUpdatedAt(now);
            em.persist(state);
            return false;
        }
        EventListenerEntity state = em.find(EventListenerEntity.class, id);
        em.refresh(state);
        if (state.getNextAttemptAt() > now) {
            return false;
        }
        // Rows whose last event is after the listener's position (the first may be a batch it is part-way through).
        List<EventEntity> rows = rowsAfter(em, state.getPos(), max);
        if (rows.isEmpty()) {
            return false;
        }
        int handed = 0;
        long from = state.getPos();
        List<DomainEvent> batch = new java.util.ArrayList<>(); // a batch listener's events, handed over together below
        deliver:
        for (EventEntity row : rows) {
            for (DomainEvent e : EventBatch.events(row)) {
                if (e.position() <= from) {
                    continue; // delivered in an earlier transaction
                }
                if (handed == max || (stopping && handed > 0)) {
                    break deliver;
                }
                if (matches(types, e.type())) {
                    if (max > 1) {
                        batch.add(e);
                    } else {
                        try {
                            listener.onEvent(e);
                        } catch (Exception ex) {
                            throw new ListenerFailure(ex);
                        }
                    }
                }
                state.setPos(e.position());
                handed++;
            }
        }
        if (!batch.isEmpty()) {
            try {
                listener.onEvents(batch);
            } catch (Exception ex) {
                throw new ListenerFailure(ex);
            }
        }
        state.setFailures(0);
        state.setLastError(null);
        state.setNextAttemptAt(0);
        state.setUpdatedAt(now);
        return handed == max || rows.size() == max;
    }

    /**
     * The outbox rows after {@code pos} that hold the next {@code max} events, read with plain JDBC on the transaction's
     * connection: reading the payload (a CLOB) through the JPA mapping made Derby build a {@code Clob} object and copy the
     * text twice per row — a quarter of the dispatcher's CPU under a stream of journal entries — where {@code getString}
     * reads it once. A row holds a whole batch of events (a lesson entry's dozen), so the reading stops at the row that
     * completes {@code max} events: reading {@code max} rows read about ten times the events a round hands over, and
     * the next round read most of them again.
     */
    private static List<EventEntity> rowsAfter(EntityManager em, long pos, int max) {
        List<EventEntity> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = em.unwrap(java.sql.Connection.class); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT serial, id, pos, event_type, school_id, actor_id, occurred_at, payload, batch_size FROM zh_event "
                        + "WHERE pos > ? ORDER BY pos")) {
            ps.setLong(1, pos);
            ps.setMaxRows(max);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                int events = 0;
                while (events < max && rs.next()) {
                    EventEntity e = new EventEntity();
                    e.setSerial(rs.getLong(1));
                    e.setId(rs.getString(2));
                    e.setPos(rs.getLong(3));
                    e.setEventType(rs.getString(4));
                    e.setSchoolId(rs.getString(5));
                    e.setActorId(rs.getString(6));
                    e.setOccurredAt(rs.getLong(7));
                    e.setPayload(rs.getString(8));
                    e.setBatchSize(rs.getInt(9));
                    rows.add(e);
                    // the row's events after pos: its last is at its pos, its first batch_size − 1 before
                    events += (int) Math.min(Math.max(e.getBatchSize(), 1), e.getPos() - pos);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Reading the outbox after position " + pos + " failed", e);
        }
        return rows;
    }

    private static boolean matches(String[] types, String type) {
        if (types.length == 0) {
            return true;
        }
        for (String t : types) {
            if (type.startsWith(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return for operators: the position of the last sequenced event and the number of committed events not yet
     *         sequenced (a listener whose position is below the former is behind by the difference)
     */
    public long[] end() {
        return jpa.txExpr(TransactionType.Supports, em -> new long[] {
            ((Number) em.createNativeQuery("SELECT last_pos FROM zh_event_sequencer WHERE name = 'main'").getSingleResult()).longValue(),
            ((Number) em.createQuery("select count(e) from EventEntity e where e.pos is null").getSingleResult()).longValue()});
    }

    /** Progress of every listener known to the database, for operators. */
    public List<EventListenerEntity> progress() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select l from EventListenerEntity l order by l.listenerId", EventListenerEntity.class).getResultList());
    }

    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(Exception cause) {
            super(cause.toString(), cause);
        }
    }
}
