package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurocurate.io.bids.CategoryHarmoniser.Field;

class CategoryHarmoniserTest {

    private static String code(Field f, String raw, Map<String, String> levels) {
        CategoryHarmoniser.Result r = CategoryHarmoniser.harmonise(f, raw, new ColumnInfo("c", "", "", levels), "t[c]");
        return r.value().value() + (r.problem().isEmpty() ? "" : "!" + r.problem());
    }

    @Test
    void sexWordsAndLettersMapWithoutLevels() {
        assertEquals("M", code(Field.SEX, "M", Map.of()));
        assertEquals("F", code(Field.SEX, "female", Map.of()));
        assertEquals("F", code(Field.SEX, "Female", Map.of()));
        assertEquals("", code(Field.SEX, "n/a", Map.of()));
    }

    @Test
    void numericSexCodesFollowLevelsAndAreNeverGuessed() {
        assertEquals("M", code(Field.SEX, "1", Map.of("1", "male", "2", "female")));
        assertEquals("F", code(Field.SEX, "1", Map.of("2", "male", "1", "female")));
        assertEquals("!t[c]: sex \"1\" is a numeric code without Levels in the sidecar", code(Field.SEX, "1", Map.of()));
        assertEquals("!t[c]: sex \"M,\" is not a recognised value", code(Field.SEX, "M,", Map.of()));
    }

    @Test
    void levelsMatchIgnoringCaseIsFlagged() {
        CategoryHarmoniser.Result r = CategoryHarmoniser.harmonise(Field.SEX, "m",
                new ColumnInfo("gender", "", "", Map.of("M", "male", "F", "female")), "t");
        assertEquals("M", r.value().value());
        assertTrue(r.value().note().contains("case differs from Levels"));
    }

    @Test
    void handednessAndHealthGroup() {
        assertEquals("A", code(Field.HANDEDNESS, "Ambi", Map.of()));
        assertEquals("L", code(Field.HANDEDNESS, "1", Map.of("1", "Left", "2", "Right")));
        assertEquals("control", code(Field.HEALTH, "hc", Map.of()));
        assertEquals("control", code(Field.HEALTH, "control", Map.of("control", "healthy volunteers")));
        assertEquals("control", code(Field.HEALTH, "X", Map.of("X", "healthy volunteers")));
        assertEquals("patient", code(Field.HEALTH, "SCHZ", Map.of()));
    }
}
