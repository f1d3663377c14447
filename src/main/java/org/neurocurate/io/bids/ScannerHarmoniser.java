package org.neurocurate.io.bids;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Harmonises the acquisition fields of a merged sidecar into scans-table columns:
 * <ul>
 *   <li>{@code manufacturer}: vendor names unified (SIEMENS/Siemens → Siemens, GE MEDICAL SYSTEMS → GE,
 *       Philips Medical Systems → Philips, Toshiba/Canon → Canon), others verbatim;</li>
 *   <li>{@code manufacturer_model}: ManufacturersModelName verbatim;</li>
 *   <li>{@code field_strength_t}: MagneticFieldStrength in tesla, snapped to the nominal strength in
 *       {@link #NOMINAL_T} when within 5 % (2.89362 → 3, 6.98 → 7), flagged;</li>
 *   <li>{@code repetition_time_s}, {@code echo_time_s}: seconds (BIDS); a TR above 100 or a TE above 1
 *       can only be milliseconds and is divided by 1000, flagged;</li>
 *   <li>{@code flip_angle_deg}: degrees, (0, 180];</li>
 *   <li>{@code phase_encoding_direction}: one of i, j, k, i-, j-, k-.</li>
 * </ul>
 * Values of the wrong JSON type or outside these ranges are problems, not values.
 */
public final class ScannerHarmoniser {

    /** Nominal clinical and research field strengths in tesla. */
    public static final double[] NOMINAL_T = {0.2, 0.35, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 4.7, 7.0, 9.4, 10.5, 11.7};

    private static final Set<String> PED = Set.of("i", "j", "k", "i-", "j-", "k-");

    private ScannerHarmoniser() { }

    /**
     * The harmonised acquisition fields (column → value; absent fields are omitted) of one data file;
     * problems are appended to {@code problems}.
     */
    public static Map<String, Harmonised> harmonise(Sidecars.Merged sidecar, List<String> problems) {
        Map<String, Harmonised> out = new LinkedHashMap<>();
        text(sidecar, "Manufacturer", problems).ifPresent(h -> out.put(ScansTable.MANUFACTURER, vendor(h)));
        text(sidecar, "ManufacturersModelName", problems).ifPresent(h -> out.put(ScansTable.MODEL, h));
        number(sidecar, "MagneticFieldStrength", problems).ifPresent(h -> fieldStrength(h, problems)
                .ifPresent(v -> out.put(ScansTable.FIELD_STRENGTH, v)));
        number(sidecar, "RepetitionTime", problems).ifPresent(h -> seconds(h, 100, problems)
                .ifPresent(v -> out.put(ScansTable.TR, v)));
        number(sidecar, "EchoTime", problems).ifPresent(h -> seconds(h, 1, problems)
                .ifPresent(v -> out.put(ScansTable.TE, v)));
        number(sidecar, "FlipAngle", problems).ifPresent(h -> {
            double d = Double.parseDouble(h.value());
            if (d > 0 && d <= 180) {
                out.put(ScansTable.FLIP_ANGLE, h);
            } else {
                problems.add(h.source() + ": FlipAngle " + h.raw() + " is outside (0, 180] degrees");
            }
        });
        text(sidecar, "PhaseEncodingDirection", problems).ifPresent(h -> {
            if (PED.contains(h.value())) {
                out.put(ScansTable.PHASE_ENCODING, h);
            } else {
                problems.add(h.source() + ": PhaseEncodingDirection \"" + h.raw() + "\" is not one of i j k i- j- k-");
            }
        });
        return out;
    }

    private static Optional<Harmonised> text(Sidecars.Merged s, String key, List<String> problems) {
        JsonElement e = s.values().get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        String source = s.origin().get(key) + "[" + key + "]";
        if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
            problems.add(source + ": " + key + " " + e + " is not a text value");
            return Optional.empty();
        }
        String raw = e.getAsString().strip();
        return Optional.of(new Harmonised(raw, source, raw, ""));
    }

    private static Optional<Harmonised> number(Sidecars.Merged s, String key, List<String> problems) {
        JsonElement e = s.values().get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        String source = s.origin().get(key) + "[" + key + "]";
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            problems.add(source + ": " + key + " " + e + " is not a number");
            return Optional.empty();
        }
        double v = e.getAsDouble();
        return Optional.of(new Harmonised(AgeHarmoniser.format(v), source, e.toString(), ""));
    }

    private static Harmonised vendor(Harmonised h) {
        String l = h.raw().toLowerCase(Locale.ROOT);
        String v = l.contains("siemens") ? "Siemens"
                : l.startsWith("ge ") || l.equals("ge") || l.contains("general electric") ? "GE"
                : l.contains("philips") ? "Philips"
                : l.contains("toshiba") || l.contains("canon") ? "Canon"
                : l.contains("hitachi") ? "Hitachi" : h.raw();
        return new Harmonised(v, h.source(), h.raw(), v.equals(h.raw()) ? "" : "vendor name unified");
    }

    private static Optional<Harmonised> fieldStrength(Harmonised h, List<String> problems) {
        double t = Double.parseDouble(h.value());
        if (!(t > 0 && t <= 20)) {
            problems.add(h.source() + ": MagneticFieldStrength " + h.raw() + " is not in (0, 20] tesla");
            return Optional.empty();
        }
        for (double n : NOMINAL_T) {
            if (n != t && Math.abs(t - n) <= 0.05 * n) {
                return Optional.of(new Harmonised(AgeHarmoniser.format(n), h.source(), h.raw(),
                        "nominal field strength"));
            }
        }
        return Optional.of(h);
    }

    private static Optional<Harmonised> seconds(Harmonised h, double msAbove, List<String> problems) {
        double v = Double.parseDouble(h.value());
        if (v <= 0) {
            problems.add(h.source() + ": " + h.raw() + " is not a positive time");
            return Optional.empty();
        }
        if (v > msAbove) {
            return Optional.of(new Harmonised(AgeHarmoniser.format(v / 1000), h.source(), h.raw(),
                    "milliseconds to seconds"));
        }
        return Optional.of(h);
    }
}
