package org.neurocurate.io.bids;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw age cell into years. Rules, in order:
 * <ol>
 *   <li>missing markers ({@code n/a}, {@code NA}, {@code nan}, empty, ...) give no value and no problem;</li>
 *   <li>a code declared in the column's Levels is replaced by its label ({@code "4" → "16-20 years"});</li>
 *   <li>a number ({@code 24}, {@code 8.36}, {@code 19,78} with a decimal comma, flagged);</li>
 *   <li>a range {@code a-b} (also {@code a–b}, {@code a to b}) gives the midpoint (a+b)/2, flagged;</li>
 *   <li>an open range {@code 89+} or {@code >89} gives its bound, flagged;</li>
 *   <li>anything else is a problem, never a guess.</li>
 * </ol>
 * Units: a unit word in the value or Levels label ({@code 18mo}, {@code 3 years}) wins; else the
 * column's declared Units; else a unit word in the column name or Description; else years (flagged
 * "years assumed"). Conversion: months / 12, weeks × 7 / 365.25, days / 365.25 (Julian year).
 * Results outside 0–{@value #MAX_YEARS} years are problems.
 */
public final class AgeHarmoniser {

    /** Oldest plausible age in years; above it a value is reported, not kept. */
    public static final double MAX_YEARS = 120;

    private static final Set<String> MISSING = Set.of("", "n/a", "na", "nan", "null", "none", "-", "not available");
    private static final String NUM = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern NUMBER = Pattern.compile(NUM + "\\s*([a-z]*)");
    private static final Pattern RANGE = Pattern.compile(NUM + "\\s*(?:-|–|—|to)\\s*" + NUM + "\\s*([a-z]*)");
    private static final Pattern OPEN = Pattern.compile("(?:>=?|≥)?\\s*" + NUM + "\\s*(\\+|or older|and older)?\\s*([a-z]*)");

    private AgeHarmoniser() { }

    /** A unit of age and its length in years. */
    enum Unit {
        YEARS(1), MONTHS(1.0 / 12), WEEKS(7 / 365.25), DAYS(1 / 365.25);

        final double years;

        Unit(double years) {
            this.years = years;
        }
    }

    /** The outcome for one cell: a value in years, or nothing, or a problem. */
    public record Result(Harmonised age, String problem) { }

    /** True for the cell texts that mean "not recorded". */
    public static boolean isMissing(String raw) {
        return MISSING.contains(raw.strip().toLowerCase(Locale.ROOT));
    }

    /** Harmonises one cell of {@code column}; {@code source} names the file and column for the audit. */
    public static Result harmonise(String raw, ColumnInfo column, String source) {
        if (isMissing(raw)) {
            return new Result(Harmonised.ABSENT, "");
        }
        String text = raw.strip();
        String note = "";
        String label = column.levels().get(text);
        if (label != null) {
            note = "Levels \"" + text + "\" = \"" + label + "\"";
            text = label;
        }
        Unit declared = declaredUnit(column);
        Parsed p = parse(text.toLowerCase(Locale.ROOT));
        if (p == null) {
            return new Result(Harmonised.ABSENT, source + ": age \"" + raw + "\" is not a number, range or Levels code");
        }
        Unit unit = p.unit != null ? p.unit : declared != null ? declared : Unit.YEARS;
        double years = p.value * unit.years;
        String notes = join(note, p.note, unit != Unit.YEARS ? unit.name().toLowerCase(Locale.ROOT) + " to years" : "",
                p.unit == null && declared == null ? "years assumed" : "");
        if (!(years >= 0 && years <= MAX_YEARS)) {
            return new Result(Harmonised.ABSENT, source + ": age \"" + raw + "\" is " + format(years)
                    + " years, outside 0-" + (int) MAX_YEARS);
        }
        return new Result(new Harmonised(format(years), source, raw.strip(), notes), "");
    }

    private record Parsed(double value, Unit unit, String note) { }

    private static Parsed parse(String t) {
        Matcher m = NUMBER.matcher(t);
        if (m.matches() && (m.group(2).isEmpty() || unitWord(m.group(2)) != null)) {
            return new Parsed(number(m.group(1)), unitWord(m.group(2)), commaNote(m.group(1)));
        }
        m = RANGE.matcher(t);
        if (m.matches() && (m.group(3).isEmpty() || unitWord(m.group(3)) != null)) {
            double a = number(m.group(1));
            double b = number(m.group(2));
            if (b >= a) {
                return new Parsed((a + b) / 2, unitWord(m.group(3)), "range " + m.group(1) + "-" + m.group(2) + " midpoint");
            }
            return null;
        }
        m = OPEN.matcher(t);
        boolean open = m.matches() && (m.group(2) != null || t.startsWith(">") || t.startsWith("≥"));
        if (open && (m.group(3).isEmpty() || unitWord(m.group(3)) != null)) {
            return new Parsed(number(m.group(1)), unitWord(m.group(3)), "open range " + t + ", lower bound");
        }
        return null;
    }

    private static String commaNote(String number) {
        return number.contains(",") ? "decimal comma" : "";
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }

    /** The unit named by a word ({@code y}, {@code yrs}, {@code yo}, {@code months}, {@code d}...), null if none. */
    static Unit unitWord(String w) {
        if (w == null || w.isEmpty()) {
            return null;
        }
        if (List.of("y", "yr", "yrs", "yo", "year", "years").contains(w)) {
            return Unit.YEARS;
        }
        if (List.of("m", "mo", "mos", "month", "months").contains(w)) {
            return Unit.MONTHS;
        }
        if (List.of("w", "wk", "wks", "week", "weeks").contains(w)) {
            return Unit.WEEKS;
        }
        if (List.of("d", "day", "days").contains(w)) {
            return Unit.DAYS;
        }
        return null;
    }

    /** The unit a column declares through Units, its name or its Description; null when none does. */
    static Unit declaredUnit(ColumnInfo column) {
        Unit u = firstUnitWord(column.units());
        if (u == null) {
            u = firstUnitWord(String.join(" ", ColumnInfo.tokens(column.name())));
        }
        return u != null ? u : firstUnitWord(column.description());
    }

    private static Unit firstUnitWord(String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() > 1 && !w.equals("mo") && !w.equals("d")) {
                Unit u = unitWord(w);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    /** Shortest decimal text of a value in years, at most 6 decimals (1e-6 y ≈ 32 s). */
    public static String format(double years) {
        String s = String.format(Locale.ROOT, "%.6f", years);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(p);
            }
        }
        return sb.toString();
    }
}
