package org.zhurnal.gradebook.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class GradingPolicyTest {

    @Test
    void roundsByThreshold() {
        GradingPolicy half = new GradingPolicy(new BigDecimal("0.5"), 3);
        GradingPolicy sixTenths = new GradingPolicy(new BigDecimal("0.6"), 3);
        assertEquals(5, half.round(new BigDecimal("4.50")));
        assertEquals(4, half.round(new BigDecimal("4.49")));
        assertEquals(4, sixTenths.round(new BigDecimal("4.50")));
        assertEquals(5, sixTenths.round(new BigDecimal("4.60")));
        assertEquals(3, sixTenths.round(new BigDecimal("3.00")));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new GradingPolicy(BigDecimal.ONE, 3));
        assertThrows(IllegalArgumentException.class, () -> new GradingPolicy(BigDecimal.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> new GradingPolicy(new BigDecimal("0.5"), -1));
        assertThrows(IllegalArgumentException.class, () -> new WeightedMark(new MarkValue("5", 5.0, true, "5"), 0));
    }
}
