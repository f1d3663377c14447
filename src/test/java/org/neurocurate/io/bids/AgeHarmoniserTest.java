package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeHarmoniserTest {

    /** Values are formatted with 6 decimals: at most 0.5e-6 years of rounding. */
    private static final double TOL = 1e-6;

    private static final ColumnInfo PLAIN = new ColumnInfo("age", "", "", Map.of());

    private static double years(String raw, ColumnInfo c) {
        AgeHarmoniser.Result r = AgeHarmoniser.harmonise(raw, c, "t[" + c.name() + "]");
        assertEquals("", r.problem(), raw);
        return Double.parseDouble(r.age().value());
    }

    @Test
    void numbersRangesAndOpenRangesBecomeYearsWithAFlag() {
        assertEquals(24, years("24", PLAIN), TOL);
        assertEquals(19.78997095, years("19,78997095", PLAIN), TOL);
        assertEquals(57.5, years("55-60", PLAIN), TOL);
        assertEquals(22.5, years("20 to 25", PLAIN), TOL);
        assertEquals(89, years("89+", PLAIN), TOL);
        assertEquals(1.5, years("18mo", PLAIN), TOL);
        assertTrue(AgeHarmoniser.harmonise("55-60", PLAIN, "s").age().note().contains("range 55-60 midpoint"));
        assertTrue(AgeHarmoniser.harmonise("19,5", PLAIN, "s").age().note().contains("decimal comma"));
        assertTrue(AgeHarmoniser.harmonise("89+", PLAIN, "s").age().note().contains("lower bound"));
    }

    @Test
    void declaredUnitsConvertMonthsWeeksAndDays() {
        assertEquals(2, years("24", new ColumnInfo("age", "", "months", Map.of())), TOL);
        assertEquals(70 / 365.25, years("10", new ColumnInfo("age", "", "weeks", Map.of())), TOL);
        assertEquals(1, years("365.25", new ColumnInfo("age", "Age in days at scan", "", Map.of())), TOL);
        assertEquals(0.5, years("6", new ColumnInfo("age_months", "", "", Map.of())), TOL);
        assertEquals(30, years("30", new ColumnInfo("age", "", "years", Map.of())), TOL);
        assertEquals("", AgeHarmoniser.harmonise("30", new ColumnInfo("age", "", "years", Map.of()), "s").age().note());
        assertEquals("years assumed", AgeHarmoniser.harmonise("30", PLAIN, "s").age().note());
    }

    @Test
    void levelsCodesAreReplacedByTheirLabel() {
        ColumnInfo c = new ColumnInfo("age_scan", "categorized age", "", Map.of("1", "1-5 years", "4", "16-20 years"));
        assertEquals(3, years("1", c), TOL);
        assertEquals(18, years("4", c), TOL);
        assertTrue(AgeHarmoniser.harmonise("4", c, "s").age().note().startsWith("Levels \"4\" = \"16-20 years\""));
    }

    @Test
    void missingMarkersAreMissingAndGarbageIsAProblem() {
        for (String m : new String[] {"", "n/a", "N/A", "NA", "nan", " "}) {
            AgeHarmoniser.Result r = AgeHarmoniser.harmonise(m, PLAIN, "s");
            assertFalse(r.age().isPresent(), m);
            assertEquals("", r.problem(), m);
        }
        for (String bad : new String[] {"old", "3yo?", "25-20", "130", "12 parsecs"}) {
            AgeHarmoniser.Result r = AgeHarmoniser.harmonise(bad, PLAIN, "file[age]");
            assertFalse(r.age().isPresent(), bad);
            assertTrue(r.problem().startsWith("file[age]: age \"" + bad + "\""), r.problem());
        }
    }
}
