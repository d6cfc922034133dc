package org.zhurnal.core.api.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code IN (…)} lists in a few fixed lengths. A database compiles a plan per distinct statement text, and a list of
 * n parameters is another text for every n: the lists of a busy server (the keys of a batch of messages, the students
 * of a batch of events) came in dozens of lengths, so Derby kept compiling new plans (each a generated class, which the
 * JIT then compiled again) and its statement cache filled with one-off statements. A list padded to the next length of
 * 1, 2, 4, … 1024 (then to a multiple of 1024) by repeating its last value gives a query at most eleven texts up to
 * 1024 values; repeated values change no result ({@code IN} is a set test).
 */
public final class InLists {
    private static final int LARGE = 1024;

    private InLists() {
    }

    /** @return the number of parameters a list of {@code n} values is written with (0 for 0) */
    public static int length(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A list cannot have " + n + " values");
        }
        if (n <= 1) {
            return n;
        }
        if (n > LARGE) {
            return (n + LARGE - 1) / LARGE * LARGE;
        }
        return Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * @return the values followed by copies of the last one up to {@link #length(int)} (an empty list stays empty); bind
     *         it to a JPQL {@code IN :param} or to the parameters of {@link #placeholders(int, int)}
     */
    public static <T> List<T> padded(Collection<? extends T> values) {
        int length = length(values.size());
        List<T> out = new ArrayList<>(length);
        out.addAll(values);
        T last = out.isEmpty() ? null : out.get(out.size() - 1);
        while (out.size() < length) {
            out.add(last);
        }
        return out;
    }

    /**
     * @return {@code ?first, ?first+1, …} (numbered, as JPA native queries take them) for the {@link #length(int)} of
     *         {@code n} values; bind them to {@link #padded(Collection)}
     */
    public static String placeholders(int n, int first) {
        int length = length(n);
        StringBuilder b = new StringBuilder(length * 6);
        for (int i = 0; i < length; i++) {
            b.append(i == 0 ? "?" : ", ?").append(first + i);
        }
        return b.toString();
    }
}
