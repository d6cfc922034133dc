package org.zhurnal.roster.internal.importer;

import java.time.LocalDate;
import java.util.List;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the roster's problems share in Russian: dates as people write them, the summary of several problems. */
final class Messages {

    private Messages() {
    }

    /** «16.11.2026» */
    static String date(LocalDate d) {
        return Text.date(d);
    }

    /**
     * The detail of a 400 listing {@code v}: {@code en} as it is; in Russian {@code ruHead} («Ошибок: 3; ничего не изменено»)
     * and the first problem.
     */
    static Text summary(String en, String ruHead, List<Violation> v) {
        return Text.summary(en, ruHead, v);
    }

    /**
     * A problem in a row of an import file, located as every row problem of an import is: {@code file:row:column}
     * (the header is row 1).
     */
    static Violation rowError(String file, int row, String column, String en, String ru) {
        return new Violation(file + ":" + row + ":" + column, Text.of(en, ru));
    }

    /**
     * The 400 refusing an import file for its row problems, summarized as every import file's are: «3 errors in
     * pupils.csv; nothing was imported», «Ошибок в файле «pupils.csv»: 3; ничего не импортировано» and the first problem.
     *
     * @param count the number of problems as shown («3», or «500+» when the list was cut short)
     */
    static ProblemException fileErrors(String file, String count, List<Violation> errors) {
        return ProblemException.invalid(summary(count + " errors in " + file + "; nothing was imported",
                "Ошибок в файле «" + file + "»: " + count + "; ничего не импортировано", errors), errors);
    }

    /** @see #fileErrors(String, String, List) */
    static ProblemException fileErrors(String file, List<Violation> errors) {
        return fileErrors(file, String.valueOf(errors.size()), errors);
    }
}
