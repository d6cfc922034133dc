package org.zhurnal.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class AuditChainsTest {

    @Test
    void everyChainOfASchoolMapsBackToIt() {
        assertEquals("school-1", AuditLogImpl.scopeOf("school-1"));
        assertEquals("school-1", AuditLogImpl.scopeOf("school-1~7"));
        assertEquals("system", AuditLogImpl.scopeOf("system~2"));
    }

    @Test
    void aThreadKeepsItsChainAndThreadsSpreadOverTheChains() throws Exception {
        String mine = AuditLogImpl.chainFor("s");
        assertEquals(mine, AuditLogImpl.chainFor("s"), "one transaction (one thread) appends to one chain");
        Set<String> chains = ConcurrentHashMap.newKeySet();
        Set<Thread> threads = new HashSet<>();
        for (int i = 0; i < AuditLogImpl.CHAINS; i++) {
            Thread t = new Thread(() -> chains.add(AuditLogImpl.chainFor("s")));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // The threads took consecutive chain numbers: as many writers as chains never share one.
        assertEquals(AuditLogImpl.CHAINS, chains.size(), "concurrent writers of one school use distinct chains: " + chains);
        assertTrue(chains.stream().allMatch(c -> AuditLogImpl.scopeOf(c).equals("s")));
    }
}
