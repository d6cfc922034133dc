package org.zhurnal.core.internal.audit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditRecord;
import org.zhurnal.core.api.audit.AuditVerification;
import org.zhurnal.core.api.persistence.RowInserts;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.internal.Json;
import org.zhurnal.core.internal.entity.AuditChainEntity;
import org.zhurnal.core.internal.entity.AuditEntryEntity;
import org.zhurnal.core.internal.persistence.CoreSchema;

/**
 * Hash-chained audit log, {@value #CHAINS} chains per school. Appending locks the chain's head row for the rest of
 * the caller's transaction (an UPDATE that changes nothing), so concurrent writers of one chain — on one node or
 * several — append one after another and the chain never forks. A transaction appends to the chain chosen by
 * its thread (all its entries go to one chain, so two transactions never wait for each other's heads in opposite
 * orders), which lets up to {@value #CHAINS} writers of one school commit in parallel: with one chain per school,
 * every journal entry of a school waited for the previous one's commit. Threads take chain numbers in turn as they
 * first write (not by thread id), so the first {@value #CHAINS} writing threads of a node — a request pool's working
 * set — never share a head. Chain ids: the school id (or {@code system}) for chain 0, {@code <school>~<n>} for the
 * others; each chain verifies on its own.
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {
    private static final int VERIFY_PAGE = 500;
    static final int CHAINS = 32;
    private static final AtomicInteger NEXT_CHAIN = new AtomicInteger();
    private static final ThreadLocal<Integer> THREAD_CHAIN = ThreadLocal.withInitial(() -> Math.floorMod(NEXT_CHAIN.getAndIncrement(), CHAINS));

    /** @return the chain this thread's transaction appends to in the scope (a school id or system) */
    static String chainFor(String scope) {
        int n = THREAD_CHAIN.get();
        return n == 0 ? scope : scope + "~" + n;
    }

    /** @return the school id (or system) a chain belongs to */
    public static String scopeOf(String chain) {
        int tilde = chain.indexOf('~');
        return tilde < 0 ? chain : chain.substring(0, tilde);
    }

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.unit.name=zhurnal-core)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference CoreSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public void record(String schoolId, String entityType, String entityId, String action, Object before, Object after) {
        String chain = chainFor(schoolId == null ? ZhurnalConstants.SYSTEM_SCOPE : schoolId);
        CallContext ctx = CallContext.currentOrSystem();
        String beforeJson = Json.write(before);
        String afterJson = Json.write(after);
        long now = clock.now().toEpochMilli();
        // Mandatory: an audit entry outside the write's transaction could survive a rolled-back write.
        jpa.tx(TransactionType.Mandatory, em -> append(em, chain, ctx, entityType, entityId, action, beforeJson,
                afterJson, now));
    }

    @Override
    public void recordAll(String schoolId, List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String chain = chainFor(schoolId == null ? ZhurnalConstants.SYSTEM_SCOPE : schoolId);
        CallContext ctx = CallContext.currentOrSystem();
        long now = clock.now().toEpochMilli();
        List<String[]> json = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            json.add(new String[] {Json.write(r.before()), Json.write(r.after())});
        }
        jpa.tx(TransactionType.Mandatory, em -> {
            Head head = lockHead(em, chain);
            List<Object[]> rows = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                AuditRecord r = records.get(i);
                AuditEntryEntity e = entry(head, chain, ctx, r.entityType(), r.entityId(), r.action(), json.get(i)[0], json.get(i)[1], now);
                rows.add(new Object[] {e.getId(), e.getChainId(), e.getSeq(), e.getRecordedAt(), e.getActorId(), e.getActorLogin(),
                    e.getRequestId(), e.getEntityType(), e.getEntityId(), e.getOp(), e.getBeforeJson(), e.getAfterJson(),
                    e.getPrevHash(), e.getHash()});
            }
            // Multi-row inserts on the transaction's connection: an import's tens of thousands of entries as managed
            // entities cost OpenJPA more than the database.
            RowInserts.insertAndRelease(em.unwrap(Connection.class), "zh_audit_entry", ENTRY_COLUMNS, rows);
            storeHead(em, chain, head);
        });
    }

    private static final List<String> ENTRY_COLUMNS = List.of("id", "chain_id", "seq", "recorded_at", "actor_id", "actor_login",
            "request_id", "entity_type", "entity_id", "op", "before_json", "after_json", "prev_hash", "hash");

    /** A chain's head as this transaction holds it: the last sequence number and hash, and whether its row is still to be inserted. */
    private static final class Head {
        long seq;
        String hash;
        boolean isNew;
    }

    /**
     * Locks the chain's head row (an UPDATE that changes nothing) and reads it, with plain statements: the head is read
     * and written on every audited write, and as a managed entity it cost a find, a refresh and a flush.
     */
    private static Head lockHead(EntityManager em, String chain) {
        int locked = em.createNativeQuery("UPDATE zh_audit_chain SET last_seq = last_seq WHERE chain_id = ?1")
                .setParameter(1, chain).executeUpdate();
        Head head = new Head();
        if (locked == 0) {
            head.seq = 0;
            head.hash = AuditHasher.GENESIS;
            head.isNew = true;
            return head;
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM zh_audit_chain WHERE chain_id = ?1")
                .setParameter(1, chain).getSingleResult();
        head.seq = ((Number) row[0]).longValue();
        head.hash = (String) row[1];
        return head;
    }

    /** Writes the advanced head (a new chain's row: two first writers racing end in a unique-key conflict, retried by them). */
    private static void storeHead(EntityManager em, String chain, Head head) {
        if (head.isNew) {
            em.createNativeQuery("INSERT INTO zh_audit_chain (chain_id, last_seq, last_hash) VALUES (?1, ?2, ?3)")
                    .setParameter(1, chain).setParameter(2, head.seq).setParameter(3, head.hash).executeUpdate();
            head.isNew = false;
        } else {
            em.createNativeQuery("UPDATE zh_audit_chain SET last_seq = ?2, last_hash = ?3 WHERE chain_id = ?1")
                    .setParameter(1, chain).setParameter(2, head.seq).setParameter(3, head.hash).executeUpdate();
        }
    }

    /** The next entry of the chain; advances the head. */
    private static AuditEntryEntity entry(Head head, String chain, CallContext ctx, String entityType, String entityId,
            String action, String beforeJson, String afterJson, long now) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.setChainId(chain);
        e.setSeq(head.seq + 1);
        e.setId(chain + ":" + e.getSeq());
        e.setRecordedAt(now);
        e.setActorId(ctx.principal().accountId());
        e.setActorLogin(ctx.principal().login());
        e.setRequestId(ctx.requestId());
        e.setEntityType(entityType);
        e.setEntityId(entityId == null ? "" : entityId);
        e.setOp(action);
        e.setBeforeJson(beforeJson);
        e.setAfterJson(afterJson);
        e.setPrevHash(head.hash);
        e.setHash(AuditHasher.hash(e));
        head.seq = e.getSeq();
        head.hash = e.getHash();
        return e;
    }

    private void append(EntityManager em, String chain, CallContext ctx, String entityType, String entityId,
            String action, String beforeJson, String afterJson, long now) {
        Head head = lockHead(em, chain);
        em.persist(entry(head, chain, ctx, entityType, entityId, action, beforeJson, afterJson, now));
        storeHead(em, chain, head);
    }

    @Override
    public List<AuditEntry> find(String entityType, String entityId, int limit) {
        int max = Math.max(1, Math.min(limit, 1000));
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder q = new StringBuilder("select e from AuditEntryEntity e where 1 = 1");
            if (entityType != null) {
                q.append(" and e.entityType = :type");
            }
            if (entityId != null) {
                q.append(" and e.entityId = :id");
            }
            q.append(" order by e.recordedAt desc, e.seq desc");
            var query = em.createQuery(q.toString(), AuditEntryEntity.class).setMaxResults(max);
            if (entityType != null) {
                query.setParameter("type", entityType);
            }
            if (entityId != null) {
                query.setParameter("id", entityId);
            }
            return query.getResultList().stream().map(AuditEntryEntity::toDTO).toList();
        });
    }

    @Override
    public AuditVerification verify() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> problems = new ArrayList<>();
            List<AuditChainEntity> chains = em.createQuery("select c from AuditChainEntity c order by c.chainId",
                    AuditChainEntity.class).getResultList();
            long checked = 0;
            for (AuditChainEntity chain : chains) {
                String prev = AuditHasher.GENESIS;
                long expectedSeq = 1;
                boolean broken = false;
                while (!broken) {
                    List<AuditEntryEntity> page = em.createQuery(
                            "select e from AuditEntryEntity e where e.chainId = :c and e.seq >= :s order by e.seq",
                            AuditEntryEntity.class).setParameter("c", chain.getChainId())
                            .setParameter("s", expectedSeq).setMaxResults(VERIFY_PAGE).getResultList();
                    for (AuditEntryEntity e : page) {
                        checked++;
                        if (e.getSeq() != expectedSeq) {
                            problems.add(chain.getChainId() + " #" + expectedSeq + ": entry missing");
                            broken = true;
                            break;
                        }
                        if (!prev.equals(e.getPrevHash())) {
                            problems.add(chain.getChainId() + " #" + e.getSeq() + ": link to previous entry broken");
                            broken = true;
                            break;
                        }
                        if (!AuditHasher.hash(e).equals(e.getHash())) {
                            problems.add(chain.getChainId() + " #" + e.getSeq() + ": content does not match its hash");
                            broken = true;
                            break;
                        }
                        prev = e.getHash();
                        expectedSeq++;
                    }
                    em.clear();
                    if (page.size() < VERIFY_PAGE) {
                        break;
                    }
                }
                if (!broken && (chain.getLastSeq() != expectedSeq - 1 || !chain.getLastHash().equals(prev))) {
                    problems.add(chain.getChainId() + ": head says #" + chain.getLastSeq()
                            + " but the chain ends at #" + (expectedSeq - 1) + " (entries removed or head altered)");
                }
            }
            return new AuditVerification(problems.isEmpty(), chains.size(), checked, problems);
        });
    }
}
