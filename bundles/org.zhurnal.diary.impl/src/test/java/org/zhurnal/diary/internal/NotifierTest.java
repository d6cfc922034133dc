package org.zhurnal.diary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradebookEvents;
import org.zhurnal.gradebook.api.Mark;

/** What the notifier makes of the gradebook's event payloads (as the gradebook serialises them). */
class NotifierTest {
    private static DomainEvent event(String type, Object payload) throws Exception {
        return new DomainEvent(1, "e1", type, "school", Instant.parse("2026-11-16T10:00:00Z"), "teacher",
                Notifier.JSON.writeValueAsString(payload));
    }

    private static Mark mark(String value, boolean visible) {
        return mark(value, visible, false);
    }

    private static Mark mark(String value, boolean visible, boolean deleted) {
        return new Mark("m1", "entry:2026-11-16", LocalDate.of(2026, 11, 16), "school", "s1", "Математика", "c1", null, "fivepoint", value,
                5.0, "CONTROL", 2.0, LocalDate.of(2026, 11, 16), "молодец", true, visible, Instant.now(), "belova", deleted);
    }

    @Test
    void aVisibleMarkCorrectedOrWithdrawnIsNewsAHiddenOneIsNot() throws Exception {
        Notifier.News corrected = Notifier.news(event(GradebookEvents.MARK_CHANGED, mark("4", true))).orElseThrow();
        assertEquals("s1", corrected.studentId());
        assertEquals("оценка исправлена на 4", corrected.what());
        assertEquals("Исправлена оценка по предмету «Математика» (Контрольная работа, 16.11.2026): теперь 4. Комментарий учителя: молодец",
                corrected.line());
        Notifier.News withdrawn = Notifier.news(event(GradebookEvents.MARK_CHANGED, mark("4", true, true))).orElseThrow();
        assertEquals("оценка отменена", withdrawn.what());
        assertEquals("Отменена оценка 4 по предмету «Математика» (Контрольная работа, 16.11.2026)", withdrawn.line());
        assertTrue(Notifier.news(event(GradebookEvents.MARK_CHANGED, mark("3", false))).isEmpty());
        assertTrue(Notifier.news(event(GradebookEvents.MARK_CHANGED, mark("3", false, true))).isEmpty());
    }

    @Test
    void aVisibleMarkIsNewsAHiddenOneIsNot() throws Exception {
        Notifier.News n = Notifier.news(event(GradebookEvents.MARK_RECORDED, mark("5", true))).orElseThrow();
        assertEquals("s1", n.studentId());
        assertEquals("Оценка 5 по предмету «Математика» (Контрольная работа, 16.11.2026). Комментарий учителя: молодец", n.line());
        assertTrue(Notifier.news(event(GradebookEvents.MARK_RECORDED, mark("2", false))).isEmpty());
    }

    @Test
    void absencesLatenessAndFinalGrades() throws Exception {
        Attendance ill = new Attendance("o", LocalDate.of(2026, 11, 16), "Физика", "s2", "б", "ILLNESS", null);
        assertEquals("Отсутствие на уроке «Физика» 16.11.2026 (по болезни)",
                Notifier.news(event(GradebookEvents.ABSENCE_RECORDED, ill)).orElseThrow().line());
        Attendance late = new Attendance("o", LocalDate.of(2026, 11, 16), "Физика", "s2", "оп", "LATE", 7);
        assertEquals("Опоздание на 7 мин на урок «Физика» 16.11.2026", Notifier.news(event(GradebookEvents.ABSENCE_RECORDED, late)).orElseThrow().line());
        FinalGrade g = new FinalGrade("f", "school", "s3", "История", 2026, FinalGrade.PERIOD, "p1", "fivepoint", "4", "4", new BigDecimal("4.20"),
                "belova", Instant.now());
        Notifier.News n = Notifier.news(event(GradebookEvents.FINAL_CONFIRMED, g)).orElseThrow();
        assertEquals("s3", n.studentId());
        assertEquals("Оценка за период по предмету «История»: 4", n.line());
        assertTrue(Notifier.news(event("gradebook.homework.posted", g)).isEmpty());
    }
}
