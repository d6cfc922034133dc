package org.zhurnal.gradebook.internal;

import java.util.List;

import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the gradebook's problems share in both languages: dates as people write them, the summary of several problems. */
final class Messages {
    private Messages() {
    }

    /** The detail of a 400 listing {@code v}: the only problem, or how many there are and the first; {@code what} was not done. */
    static Text summary(List<Violation> v, String nothingEn, String nothingRu) {
        return v.size() == 1 ? Text.firstOf(v) : Text.summary(v.size() + " problems; " + nothingEn + ": " + v.get(0).message(),
                "Ошибок: " + v.size() + "; " + nothingRu, v);
    }
}
