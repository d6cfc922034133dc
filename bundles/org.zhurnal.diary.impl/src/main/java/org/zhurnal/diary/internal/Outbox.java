package org.zhurnal.diary.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.Ids;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.persistence.RowInserts;
import org.zhurnal.core.api.ZhurnalClock;

/**
 * The diary's transactional outbox: a message is queued in the same transaction as whatever caused it and is
 * sent later by {@link OutboxSender}. Queueing is idempotent by a dedupe key (an event delivered twice queues one
 * message); a row is claimed before it is sent, so two senders never send it both.
 */
@Component(service = Outbox.class)
public class Outbox {
    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;

    /** A queued message. */
    public record Message(String id, String schoolId, String studentId, String recipientId, String recipientName, String channel,
            String address, String kind, String subject, String body, String status, int attempts, Instant nextAttemptAt,
            String lastError, Instant createdAt, Instant sentAt) {
    }

    /** What to queue. */
    public record NewMessage(String dedupeKey, String schoolId, String studentId, String recipientId, String recipientName, String channel,
            String address, String kind, String subject, String body) {
    }

    @Activate
    public Outbox(@Reference(target = "(osgi.unit.name=zhurnal-diary)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference DiarySchema schema) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Queues the message unless one with its dedupe key exists; joins the caller's transaction. @return its id */
    public String enqueue(NewMessage m) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<?> existing = em.createNativeQuery("SELECT id FROM zh_d_outbox WHERE dedupe_key = ?1").setParameter(1, m.dedupeKey())
                    .getResultList();
            if (!existing.isEmpty()) {
                return (String) existing.get(0);
            }
            String id = Ids.timeOrdered();
            RowInserts.insertAndRelease(em.unwrap(Connection.class), "zh_d_outbox", COLUMNS, List.<Object[]>of(row(m, id, clock.now().toEpochMilli())));
            return id;
        });
    }

    private static final List<String> COLUMNS = List.of("id", "dedupe_key", "school_id", "student_id", "recipient_id", "recipient_name",
            "channel", "address", "kind", "subject", "body", "status", "attempts", "next_attempt_at", "created_at");

    /** A new message's row in the order of {@link #COLUMNS}: pending, due now. */
    private static Object[] row(NewMessage m, String id, long now) {
        return new Object[] {id, m.dedupeKey(), m.schoolId(), m.studentId(), m.recipientId(), truncate(m.recipientName(), 300), m.channel(),
            m.address(), m.kind(), truncate(m.subject(), 300), truncate(m.body(), 8000), PENDING, 0, now, now};
    }

    /** Messages queued with one read of their keys and one insert. */
    static final int ENQUEUE_CHUNK = 200;

    /**
     * Queues the messages whose dedupe keys are not queued yet, with one read of the keys and one multi-row insert per
     * {@link #ENQUEUE_CHUNK} (the messages of a batch of events to the students' guardians and the students); joins the
     * caller's transaction.
     */
    public void enqueueAll(List<NewMessage> messages) {
        if (messages.size() > ENQUEUE_CHUNK) { // a batch of events' messages: in parts, each with its own key read and insert
            jpa.tx(TransactionType.Required, em -> {
                for (int from = 0; from < messages.size(); from += ENQUEUE_CHUNK) {
                    enqueueAll(messages.subList(from, Math.min(messages.size(), from + ENQUEUE_CHUNK)));
                }
            });
            return;
        }
        if (messages.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            javax.persistence.Query q = em.createNativeQuery("SELECT dedupe_key FROM zh_d_outbox WHERE dedupe_key IN ("
                    + InLists.placeholders(messages.size(), 1) + ")");
            bind(q, 1, messages.stream().map(NewMessage::dedupeKey).toList());
            Set<Object> queued = new HashSet<>(q.getResultList());
            long now = clock.now().toEpochMilli();
            List<Object[]> rows = new ArrayList<>();
            for (NewMessage m : messages) {
                if (queued.add(m.dedupeKey())) {
                    rows.add(row(m, Ids.timeOrdered(), now));
                }
            }
            if (!rows.isEmpty()) {
                RowInserts.insertAndRelease(em.unwrap(Connection.class), "zh_d_outbox", COLUMNS, rows);
            }
        });
    }

    /** Queues a line for a person's daily or weekly digest, unless already queued. */
    public void addDigestItem(String dedupeKey, String schoolId, String recipientId, String studentId, String channel, String mode,
            String line, String eventDay) {
        jpa.tx(TransactionType.Required, em -> {
            if (!em.createNativeQuery("SELECT id FROM zh_d_digest_item WHERE dedupe_key = ?1").setParameter(1, dedupeKey).getResultList()
                    .isEmpty()) {
                return;
            }
            em.createNativeQuery("INSERT INTO zh_d_digest_item (id, dedupe_key, school_id, recipient_id, student_id, channel, mode, line, "
                    + "event_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)").setParameter(1, Ids.timeOrdered())
                    .setParameter(2, dedupeKey).setParameter(3, schoolId).setParameter(4, recipientId).setParameter(5, studentId)
                    .setParameter(6, channel).setParameter(7, mode).setParameter(8, truncate(line, 1000)).setParameter(9, eventDay)
                    .setParameter(10, clock.now().toEpochMilli()).executeUpdate();
        });
    }

    /** A digest line not yet sent. */
    public record DigestItem(String id, String schoolId, String recipientId, String studentId, String channel, String line, String eventDay) {
    }

    /** @return the unsent digest lines of the mode with an event day up to {@code lastDay}, oldest first */
    public List<DigestItem> openDigestItems(String mode, String lastDay) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, school_id, recipient_id, student_id, channel, line, event_day "
                    + "FROM zh_d_digest_item WHERE outbox_id IS NULL AND mode = ?1 AND event_day <= ?2 ORDER BY created_at")
                    .setParameter(1, mode).setParameter(2, lastDay).getResultList();
            List<DigestItem> items = new ArrayList<>();
            rows.forEach(r -> items.add(new DigestItem((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6])));
            return items;
        });
    }

    /** Queues one digest message and marks its lines as sent with it, in one transaction. */
    public String enqueueDigest(NewMessage m, Collection<String> itemIds) {
        return jpa.txExpr(TransactionType.Required, em -> {
            String id = enqueue(m);
            for (String item : itemIds) {
                em.createNativeQuery("UPDATE zh_d_digest_item SET outbox_id = ?1 WHERE id = ?2 AND outbox_id IS NULL").setParameter(1, id)
                        .setParameter(2, item).executeUpdate();
            }
            return id;
        });
    }

    /**
     * Two index range reads (status, next_attempt_at), not one query with an OR: Derby answers an OR of the two
     * conditions with a scan of the whole table, which keeps every message ever sent.
     *
     * @param staleClaimMillis a claim older than this is taken to be of a sender that died
     * @param channels the channels whose messages are wanted (those installed)
     * @return the ids of up to {@code limit} messages due now: pending ones in the order they fell due, then stale claims
     *         (ids only: {@link #claimAll} reads the messages it claims)
     */
    public List<String> due(int limit, long staleClaimMillis, Collection<String> channels) {
        long now = clock.now().toEpochMilli();
        String ofChannels = " AND channel IN (" + InLists.placeholders(channels.size(), 2) + ")";
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> due = new ArrayList<>(ids(em.createNativeQuery("SELECT id FROM zh_d_outbox WHERE status = 'PENDING' "
                    + "AND next_attempt_at <= ?1" + ofChannels + " ORDER BY next_attempt_at").setParameter(1, now).setMaxResults(limit), channels));
            if (due.size() < limit) {
                due.addAll(ids(em.createNativeQuery("SELECT id FROM zh_d_outbox WHERE status = 'SENDING' AND claimed_at < ?1" + ofChannels
                        + " ORDER BY claimed_at").setParameter(1, now - staleClaimMillis).setMaxResults(limit - due.size()), channels));
            }
            return due;
        });
    }

    /** The ids a query answers whose parameters from 2 on are the channels. */
    private static List<String> ids(javax.persistence.Query q, Collection<String> channels) {
        bind(q, 2, channels);
        @SuppressWarnings("unchecked")
        List<String> ids = q.getResultList();
        return ids;
    }

    /** Binds the values, padded as {@link InLists#placeholders(int, int)} wrote them, to the parameters from {@code first} on. */
    static void bind(javax.persistence.Query q, int first, Collection<?> values) {
        int i = first;
        for (Object v : InLists.padded(values)) {
            q.setParameter(i++, v);
        }
    }

    /**
     * Claims due messages for sending, with one UPDATE in one transaction (one commit for a round, not one per message):
     * of the listed messages, those still pending and due, or claimed by a sender whose claim went stale, are marked as
     * claimed by a token of this round, and read back by it — a message another sender claimed, sent or put off since
     * {@link #due} read it is not among them. One statement and one read for the round instead of an UPDATE per message;
     * measured, it is not cheaper for Derby: it allocates a page-sized buffer for every row whose length an update changes,
     * and the claim fills in NULL columns (docs/benchmarks.md, stop 24).
     *
     * @param staleClaimMillis a claim older than this is taken to be of a sender that died
     * @param ids messages {@link #due} found due
     * @return those this caller got, as they are now, in the order of {@code ids}
     */
    public List<Message> claimAll(List<String> ids, long staleClaimMillis) {
        if (ids.isEmpty()) {
            return List.of();
        }
        long now = clock.now().toEpochMilli();
        String token = Ids.timeOrdered();
        return jpa.txExpr(TransactionType.Required, em -> {
            javax.persistence.Query claim = em.createNativeQuery("UPDATE zh_d_outbox SET status = 'SENDING', claimed_at = ?1, "
                    + "claim_token = ?2 WHERE id IN (" + InLists.placeholders(ids.size(), 5) + ") AND ((status = 'PENDING' "
                    + "AND next_attempt_at <= ?4) OR (status = 'SENDING' AND claimed_at < ?3))")
                    .setParameter(1, now).setParameter(2, token).setParameter(3, now - staleClaimMillis).setParameter(4, now);
            bind(claim, 5, ids);
            if (claim.executeUpdate() == 0) {
                return List.<Message>of();
            }
            javax.persistence.Query got = em.createNativeQuery(SELECT + "WHERE id IN (" + InLists.placeholders(ids.size(), 2)
                    + ") AND claim_token = ?1").setParameter(1, token);
            bind(got, 2, ids);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = got.getResultList();
            Map<String, Message> claimed = new HashMap<>();
            rows.forEach(r -> claimed.put((String) r[0], toMessage(r)));
            return ids.stream().map(claimed::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    /** Gives a claimed message back unsent: pending again, due now, no attempt counted. */
    public void release(String id) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE zh_d_outbox SET status = 'PENDING', claimed_at = NULL "
                + "WHERE id = ?1 AND status = 'SENDING'").setParameter(1, id).executeUpdate());
    }

    /**
     * Records messages handed to their channel as sent at {@code at} (epoch milliseconds), with one UPDATE in one
     * transaction: a round's messages are recorded together after the round (one commit, not one per message; their
     * times differ by the round's length at most). Should the server stop before that, the round's messages are sent
     * again once their claim is stale, with the same Message-ID.
     */
    public void sentAll(List<String> ids, long at) {
        if (ids.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            javax.persistence.Query q = em.createNativeQuery("UPDATE zh_d_outbox SET status = 'SENT', sent_at = ?1, attempts = attempts + 1, "
                    + "last_error = NULL WHERE id IN (" + InLists.placeholders(ids.size(), 2) + ")").setParameter(1, at);
            bind(q, 2, ids);
            q.executeUpdate();
        });
    }

    /** Records a failed attempt: retried at {@code retryAt}, or given up ({@link #FAILED}) when {@code retryAt} is {@code null}. */
    public void failed(String id, String error, Instant retryAt) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE zh_d_outbox SET status = ?1, attempts = attempts + 1, "
                + "next_attempt_at = ?2, last_error = ?3, claimed_at = NULL WHERE id = ?4").setParameter(1, retryAt == null ? FAILED : PENDING)
                .setParameter(2, retryAt == null ? clock.now().toEpochMilli() : retryAt.toEpochMilli())
                .setParameter(3, truncate(error, 1000)).setParameter(4, id).executeUpdate());
    }

    /** @return the message with this id */
    public java.util.Optional<Message> find(String id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(SELECT + "WHERE id = ?1").setParameter(1, id).getResultList();
            return rows.stream().findFirst().map(Outbox::toMessage);
        });
    }

    /** Puts a given-up message back in the queue (an operator's or class teacher's retry). @return whether it was failed */
    public boolean retry(String id) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery("UPDATE zh_d_outbox SET status = 'PENDING', next_attempt_at = ?1 "
                + "WHERE id = ?2 AND status = 'FAILED'").setParameter(1, clock.now().toEpochMilli()).setParameter(2, id).executeUpdate() == 1);
    }

    /** @return the messages about these students created in the range, newest first (the delivery log) */
    public List<Message> ofStudents(Collection<String> studentIds, Instant from, Instant to) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Message> found = new ArrayList<>();
            List<String> ids = new ArrayList<>(studentIds);
            for (int i = 0; i < ids.size(); i += 200) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
                javax.persistence.Query q = em.createNativeQuery(SELECT + "WHERE created_at >= ?1 AND created_at < ?2 AND student_id IN ("
                        + InLists.placeholders(chunk.size(), 3) + ")").setParameter(1, from.toEpochMilli())
                                .setParameter(2, to.toEpochMilli());
                bind(q, 3, chunk);
                @SuppressWarnings("unchecked")
                List<Object[]> rows = q.getResultList();
                rows.forEach(r -> found.add(toMessage(r)));
            }
            found.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
            return found;
        });
    }

    private static final String SELECT = "SELECT id, school_id, student_id, recipient_id, recipient_name, channel, address, kind, subject, "
            + "body, status, attempts, next_attempt_at, last_error, created_at, sent_at FROM zh_d_outbox ";

    private static Message toMessage(Object[] r) {
        return new Message((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], (String) r[9], (String) r[10], ((Number) r[11]).intValue(), instant(r[12]), (String) r[13],
                instant(r[14]), instant(r[15]));
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.ofEpochMilli(((Number) o).longValue());
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
