package org.zhurnal.roster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;

class StaffGrantsTest {
    private static final Grant TEACHER = new Grant(Role.TEACHER, ScopeRef.school("s1"));
    private static final Grant COORDINATOR = new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school("s1"));
    private static final Grant LAST_YEARS_5A = new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass("5a-2025"));
    private static final Grant THIS_YEARS_6A = new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass("6a-2026"));
    private static final Grant GROUP = new Grant(Role.TEACHER, ScopeRef.group("g1"));

    @Test
    void aNewYearReplacesLastYearsClassAndKeepsRolesGivenByHand() {
        Optional<List<Grant>> next = StaffGrants.merge(List.of(TEACHER, LAST_YEARS_5A, COORDINATOR, GROUP), List.of(TEACHER, THIS_YEARS_6A));
        assertEquals(Optional.of(List.of(COORDINATOR, TEACHER, THIS_YEARS_6A)), next);
    }

    @Test
    void theSameGrantsInAnotherOrderChangeNothing() {
        assertEquals(Optional.empty(), StaffGrants.merge(List.of(COORDINATOR, THIS_YEARS_6A, TEACHER), List.of(TEACHER, THIS_YEARS_6A)));
    }

    @Test
    void aTeacherWithoutClassesKeepsOnlyTheSchoolRole() {
        assertEquals(Set.of(TEACHER), Set.copyOf(StaffGrants.merge(List.of(TEACHER, LAST_YEARS_5A), List.of(TEACHER)).orElseThrow()));
    }

    @Test
    void theResyncIsDueAtStartAndWhenTheAcademicYearTurns() {
        assertTrue(StaffGrantsResync.due(null, LocalDate.of(2026, 6, 15)));
        assertFalse(StaffGrantsResync.due(2025, LocalDate.of(2026, 6, 15)));
        assertFalse(StaffGrantsResync.due(2025, LocalDate.of(2026, 8, 31)));
        assertTrue(StaffGrantsResync.due(2025, LocalDate.of(2026, 9, 1)));
        assertFalse(StaffGrantsResync.due(2026, LocalDate.of(2026, 9, 1)));
        assertTrue(StaffGrantsResync.due(2026, LocalDate.of(2026, 8, 31)), "a clock set back resyncs too");
    }

    @Test
    void theSummaryNamesYearSchoolsAccountsAndTime() {
        assertEquals("Staff grants resynced for 2026/2027: 3 schools, 2 accounts changed (12 ms)",
                new StaffGrantsResync.Result(2026, 3, 2, 0, 12).summary());
        assertEquals("Staff grants resynced for 2026/2027: 3 schools, 2 accounts changed, 1 schools failed (12 ms)",
                new StaffGrantsResync.Result(2026, 3, 2, 1, 12).summary());
    }
}
