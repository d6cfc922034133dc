package org.zhurnal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;

/** The grants text an account row holds. */
class AccountsTest {
    @Test
    void grantsRoundTripInTheirListedOrderEachOnce() {
        Grant teacher = new Grant(Role.TEACHER, ScopeRef.school("s-1"));
        Grant group = new Grant(Role.TEACHER, ScopeRef.group("g|with|bars"));
        Grant classTeacher = new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass("c-1"));
        String text = Accounts.encode(List.of(teacher, group, classTeacher, teacher));
        assertEquals("CLASS_TEACHER|CLASS|c-1\nTEACHER|GROUP|g|with|bars\nTEACHER|SCHOOL|s-1", text);
        assertEquals(List.of(classTeacher, group, teacher), Accounts.decode(text));
        assertEquals(List.of(ScopeRef.SYSTEM), Accounts.decode(Accounts.encode(List.of(new Grant(Role.SYSTEM_ADMIN, ScopeRef.SYSTEM))))
                .stream().map(Grant::scope).toList());
        assertEquals(List.of(), Accounts.decode(Accounts.encode(List.of())));
    }

    @Test
    void grantsThatDoNotFitTheRowAreRefusedNamingTheField() {
        List<Grant> many = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            many.add(new Grant(Role.TEACHER, ScopeRef.group("00000000-0000-0000-0000-" + String.format("%012d", i))));
        }
        ProblemException tooMany = assertThrows(ProblemException.class, () -> Accounts.encode(many));
        assertEquals(400, tooMany.status());
        assertEquals("grants", tooMany.field());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> Accounts.encode(List.of(new Grant(Role.TEACHER, ScopeRef.group("a\nb"))))).status());
        // what fits is kept whole
        assertEquals(400, Accounts.decode(Accounts.encode(many.subList(0, 400))).size());
    }
}
