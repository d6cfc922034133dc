package org.zhurnal.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhurnal.core.internal.entity.AuditEntryEntity;

class AuditHasherTest {

    /**
     * SHA-256 over the length-prefixed fields of {@link #entry()}, computed independently (Python hashlib) so
     * that an accidental change of the chain rule, which would invalidate every stored chain, is caught.
     */
    private static final String GOLDEN = "1d1d699a55e4754dbc61b4bb86c9aed2ba35b5d763974765a1d16d9d5763ec84";

    static AuditEntryEntity entry() {
        AuditEntryEntity e = new AuditEntryEntity();
        e.setId("id-not-hashed");
        e.setPrevHash(AuditHasher.GENESIS);
        e.setChainId("school-1");
        e.setSeq(1);
        e.setRecordedAt(1767225600000L);
        e.setActorId("acc-1");
        e.setActorLogin("admin");
        e.setRequestId("req-1");
        e.setEntityType("school");
        e.setEntityId("s-1");
        e.setOp("create");
        e.setBeforeJson(null);
        e.setAfterJson("{\"name\":\"Школа №1\"}");
        return e;
    }

    @Test
    void genesisIs64Zeros() {
        assertEquals(64, AuditHasher.GENESIS.length());
        assertTrue(AuditHasher.GENESIS.matches("0{64}"));
    }

    @Test
    void hashIs64LowerCaseHexCharacters() {
        assertTrue(AuditHasher.hash(entry()).matches("[0-9a-f]{64}"));
    }

    @Test
    void hashMatchesTheDocumentedChainRule() {
        assertEquals(GOLDEN, AuditHasher.hash(entry()));
    }

    @Test
    void hashIsDeterministic() {
        assertEquals(AuditHasher.hash(entry()), AuditHasher.hash(entry()));
        AuditEntryEntity e = entry();
        assertEquals(AuditHasher.hash(e), AuditHasher.hash(e));
    }

    @Test
    void idAndStoredHashAreNotPartOfTheHash() {
        AuditEntryEntity e = entry();
        e.setId("another-id");
        e.setHash("ffff");
        assertEquals(GOLDEN, AuditHasher.hash(e));
    }

    static Stream<Arguments> singleFieldChanges() {
        return Stream.of(
                Arguments.of("prevHash", (Consumer<AuditEntryEntity>) e -> e.setPrevHash("1" + AuditHasher.GENESIS.substring(1))),
                Arguments.of("chainId", (Consumer<AuditEntryEntity>) e -> e.setChainId("school-2")),
                Arguments.of("seq", (Consumer<AuditEntryEntity>) e -> e.setSeq(2)),
                Arguments.of("recordedAt", (Consumer<AuditEntryEntity>) e -> e.setRecordedAt(1767225600001L)),
                Arguments.of("actorId", (Consumer<AuditEntryEntity>) e -> e.setActorId("acc-2")),
                Arguments.of("actorLogin", (Consumer<AuditEntryEntity>) e -> e.setActorLogin("Admin")),
                Arguments.of("requestId", (Consumer<AuditEntryEntity>) e -> e.setRequestId("req-2")),
                Arguments.of("entityType", (Consumer<AuditEntryEntity>) e -> e.setEntityType("account")),
                Arguments.of("entityId", (Consumer<AuditEntryEntity>) e -> e.setEntityId("s-2")),
                Arguments.of("op", (Consumer<AuditEntryEntity>) e -> e.setOp("update")),
                Arguments.of("beforeJson", (Consumer<AuditEntryEntity>) e -> e.setBeforeJson("{}")),
                Arguments.of("afterJson", (Consumer<AuditEntryEntity>) e -> e.setAfterJson("{\"name\":\"Школа №2\"}")),
                Arguments.of("afterJson -> null", (Consumer<AuditEntryEntity>) e -> e.setAfterJson(null)),
                Arguments.of("actorId -> null", (Consumer<AuditEntryEntity>) e -> e.setActorId(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldChanges")
    void changingAnySingleFieldChangesTheHash(String field, Consumer<AuditEntryEntity> change) {
        AuditEntryEntity e = entry();
        change.accept(e);
        assertNotEquals(GOLDEN, AuditHasher.hash(e), field + " is not covered by the hash");
    }

    @Test
    void everySingleFieldChangeGivesADistinctHash() {
        Set<String> hashes = new HashSet<>();
        hashes.add(GOLDEN);
        singleFieldChanges().forEach(a -> {
            @SuppressWarnings("unchecked")
            Consumer<AuditEntryEntity> change = (Consumer<AuditEntryEntity>) a.get()[1];
            AuditEntryEntity e = entry();
            change.accept(e);
            assertTrue(hashes.add(AuditHasher.hash(e)), "collision for " + a.get()[0]);
        });
    }

    @Test
    void nullAndEmptyBeforeJsonHashDifferently() {
        AuditEntryEntity withNull = entry();
        withNull.setBeforeJson(null);
        AuditEntryEntity withEmpty = entry();
        withEmpty.setBeforeJson("");
        assertNotEquals(AuditHasher.hash(withNull), AuditHasher.hash(withEmpty));
    }

    @Test
    void movingCharactersBetweenAdjacentFieldsChangesTheHash() {
        AuditEntryEntity a = entry();
        a.setActorId("ab");
        a.setActorLogin("c");
        AuditEntryEntity b = entry();
        b.setActorId("a");
        b.setActorLogin("bc");
        assertNotEquals(AuditHasher.hash(a), AuditHasher.hash(b));

        // A field value that imitates the length prefix of the next field must not collide either.
        AuditEntryEntity c = entry();
        c.setEntityType("school");
        c.setEntityId("s-1");
        AuditEntryEntity d = entry();
        d.setEntityType("school3:s-1");
        d.setEntityId("");
        assertNotEquals(AuditHasher.hash(c), AuditHasher.hash(d));
    }

    @Test
    void hashesChainWhenFedAsPrevHash() {
        AuditEntryEntity first = entry();
        String h1 = AuditHasher.hash(first);
        AuditEntryEntity second = entry();
        second.setSeq(2);
        second.setPrevHash(h1);
        String h2 = AuditHasher.hash(second);
        assertNotEquals(h1, h2);

        AuditEntryEntity forkedSecond = entry();
        forkedSecond.setSeq(2);
        forkedSecond.setPrevHash(AuditHasher.GENESIS);
        assertNotEquals(h2, AuditHasher.hash(forkedSecond));
    }
}
