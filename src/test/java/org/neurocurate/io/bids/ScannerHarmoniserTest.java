package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScannerHarmoniserTest {

    private static Map<String, Harmonised> harmonise(String json, List<String> problems) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        Map<String, JsonElement> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        o.entrySet().forEach(e -> {
            values.put(e.getKey(), e.getValue());
            origin.put(e.getKey(), "x_T1w.json");
        });
        return ScannerHarmoniser.harmonise(new Sidecars.Merged(values, origin, List.of("x_T1w.json"), List.of()), problems);
    }

    @Test
    void vendorsAreUnifiedAndFieldStrengthSnapsToNominal() {
        List<String> p = new ArrayList<>();
        Map<String, Harmonised> h = harmonise("{\"Manufacturer\": \"GE MEDICAL SYSTEMS\", \"MagneticFieldStrength\": 6.98}", p);
        assertEquals("GE", h.get(ScansTable.MANUFACTURER).value());
        assertEquals("GE MEDICAL SYSTEMS", h.get(ScansTable.MANUFACTURER).raw());
        assertEquals("7", h.get(ScansTable.FIELD_STRENGTH).value());
        assertEquals("6.98", h.get(ScansTable.FIELD_STRENGTH).raw());
        assertEquals("1.2", harmonise("{\"MagneticFieldStrength\": 1.2}", p).get(ScansTable.FIELD_STRENGTH).value(),
                "1.2 T is more than 5 % from 1.0 and 1.5: kept as measured");
        assertEquals(List.of(), p);
    }

    @Test
    void wrongTypesAndOutOfRangeValuesAreProblemsNotValues() {
        List<String> p = new ArrayList<>();
        Map<String, Harmonised> h = harmonise("{\"MagneticFieldStrength\": \"3T\", \"FlipAngle\": 400,"
                + " \"PhaseEncodingDirection\": \"y\", \"EchoTime\": [0.002, 0.004], \"RepetitionTime\": -1}", p);
        assertFalse(h.containsKey(ScansTable.FIELD_STRENGTH));
        assertFalse(h.containsKey(ScansTable.FLIP_ANGLE));
        assertFalse(h.containsKey(ScansTable.PHASE_ENCODING));
        assertFalse(h.containsKey(ScansTable.TE));
        assertFalse(h.containsKey(ScansTable.TR));
        assertEquals(List.of("x_T1w.json[MagneticFieldStrength]: MagneticFieldStrength \"3T\" is not a number",
                "x_T1w.json[RepetitionTime]: -1 is not a positive time",
                "x_T1w.json[EchoTime]: EchoTime [0.002,0.004] is not a number",
                "x_T1w.json[FlipAngle]: FlipAngle 400 is outside (0, 180] degrees",
                "x_T1w.json[PhaseEncodingDirection]: PhaseEncodingDirection \"y\" is not one of i j k i- j- k-"), p);
    }
}
