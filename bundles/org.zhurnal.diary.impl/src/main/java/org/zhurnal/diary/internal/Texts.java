package org.zhurnal.diary.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhurnal.diary.api.DiaryAbsence;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.api.WorkTypes;

/** The Russian texts of diary notifications (families read them; the UI language does not apply to e-mail). */
final class Texts {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Texts() {
    }

    static String workType(String id) {
        return WorkTypes.ALL.stream().filter(w -> w.id().equals(id)).map(WorkTypes.WorkType::name).findFirst().orElse(id);
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** «Оценка 5 по предмету «Математика» (Контрольная работа, 16.11.2026)» */
    static String mark(Mark m) {
        return "Оценка " + m.value() + " по предмету «" + m.subject() + "» (" + work(m) + ")" + comment(m);
    }

    /** «Контрольная работа, 16.11.2026»: the kind and the date of the work */
    private static String work(Mark m) {
        return workType(m.workType()) + ", " + date(m.workDate() == null ? m.lessonDate() : m.workDate());
    }

    private static String comment(Mark m) {
        return m.comment() == null || m.comment().isBlank() ? "" : ". Комментарий учителя: " + m.comment();
    }

    /** «Исправлена оценка по предмету «Математика» (Контрольная работа, 16.11.2026): теперь 4» */
    static String markCorrected(Mark m) {
        return "Исправлена оценка по предмету «" + m.subject() + "» (" + work(m) + "): теперь " + m.value() + comment(m);
    }

    /** «Отменена оценка 5 по предмету «Математика» (Контрольная работа, 16.11.2026)» */
    static String markWithdrawn(Mark m) {
        return "Отменена оценка " + m.value() + " по предмету «" + m.subject() + "» (" + work(m) + ")";
    }

    /** «Отсутствие на уроке «Математика» 16.11.2026 (б)» or «Опоздание на 10 мин …» */
    static String attendance(Attendance a) {
        if (AbsenceCode.LATE.equals(a.category())) {
            return "Опоздание" + (a.lateMinutes() == null ? "" : " на " + a.lateMinutes() + " мин") + " на урок «" + a.subject() + "» "
                    + date(a.lessonDate());
        }
        String why = switch (a.category()) {
            case AbsenceCode.ILLNESS -> "по болезни";
            case AbsenceCode.EXCUSED -> "по уважительной причине";
            default -> "без уважительной причины";
        };
        return "Отсутствие на уроке «" + a.subject() + "» " + date(a.lessonDate()) + " (" + why + ")";
    }

    /**
     * An absence or lateness as the diary's printout names it: the school's label of the code (a label that says «отсутствовал…»
     * as it is, another after «отсутствовал(а):»), else what its category means; lateness with its minutes.
     *
     * @param codes the school's attendance reference book, by code in lower case
     * @return «пропуск по болезни», «отсутствовал(а): участие в олимпиаде», «опоздание 7 мин»; {@code ""} for none
     */
    static String absence(DiaryAbsence a, Map<String, AbsenceCode> codes) {
        if (a == null) {
            return "";
        }
        if (AbsenceCode.LATE.equals(a.category())) {
            return "опоздание" + (a.lateMinutes() == null ? "" : " " + a.lateMinutes() + " мин");
        }
        AbsenceCode c = a.code() == null ? null : codes.get(a.code().trim().toLowerCase(Locale.ROOT));
        if (c != null && c.label() != null && !c.label().isBlank()) {
            String label = c.label().trim();
            String lower = label.toLowerCase(Locale.ROOT);
            return lower.startsWith("отсутств") || lower.startsWith("пропуск") || lower.startsWith("опоздан") ? label
                    : "отсутствовал(а): " + label;
        }
        return switch (a.category() == null ? "" : a.category()) {
            case AbsenceCode.ILLNESS -> "отсутствовал(а) по болезни";
            case AbsenceCode.EXCUSED -> "отсутствовал(а) по уважительной причине";
            case AbsenceCode.UNEXCUSED -> "отсутствовал(а) без уважительной причины";
            default -> "отсутствие (" + a.code() + ")";
        };
    }

    /** @return the school's attendance codes by code in lower case */
    static Map<String, AbsenceCode> byCode(List<AbsenceCode> codes) {
        Map<String, AbsenceCode> m = new HashMap<>();
        codes.forEach(c -> {
            if (c.code() != null) {
                m.putIfAbsent(c.code().trim().toLowerCase(Locale.ROOT), c);
            }
        });
        return m;
    }

    /** «Итоговая оценка за период по предмету «Математика»: 5» */
    static String fin(FinalGrade g) {
        String kind = switch (g.kind()) {
            case FinalGrade.PERIOD -> "за период";
            case FinalGrade.YEAR -> "за год";
            case FinalGrade.EXAM -> "за экзамен";
            default -> "итоговая";
        };
        return "Оценка " + kind + " по предмету «" + g.subject() + "»: " + g.value();
    }

    static String instantSubject(String studentName, String what) {
        return "Дневник: " + studentName + " — " + what;
    }

    static String instantBody(String recipientName, String studentName, String line) {
        return "Здравствуйте, " + recipientName + "!\n\n" + studentName + ": " + line + ".\n\n" + FOOTER;
    }

    static String digestSubject(String mode, LocalDate day) {
        return (Preferences.WEEKLY.equals(mode) ? "Дневник: итоги недели по " : "Дневник: события за ") + date(day);
    }

    static String digestBody(String recipientName, List<String> lines) {
        StringBuilder b = new StringBuilder("Здравствуйте, ").append(recipientName).append("!\n\n");
        lines.forEach(l -> b.append("• ").append(l).append('\n'));
        return b.append('\n').append(FOOTER).toString();
    }

    static final String FOOTER = "Это письмо отправлено электронным дневником «Журнал». Изменить способ оповещения можно в дневнике, "
            + "раздел «Оповещения».";
}
