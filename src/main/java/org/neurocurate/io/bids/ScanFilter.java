package org.neurocurate.io.bids;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Row filters over a scans table for later stages: modality, age range, sex, site, field strength, and
 * any column by value or numeric range (so a QC stage's {@code tier} column filters the same way).
 * Filters combine with {@link Predicate#and}. A row whose value is missing never passes a value or
 * range filter: "age 20-40" excludes scans of unknown age.
 */
public final class ScanFilter {

    private ScanFilter() { }

    /** Rows whose {@code column} equals one of {@code values}, ignoring case. */
    public static Predicate<ScanRow> column(String column, String... values) {
        Set<String> wanted = Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return r -> !r.get(column).isEmpty() && wanted.contains(r.get(column).toLowerCase(Locale.ROOT));
    }

    /** Rows whose {@code column} is a number in [min, max] (both inclusive). */
    public static Predicate<ScanRow> range(String column, double min, double max) {
        return r -> {
            OptionalDouble v = r.number(column);
            return v.isPresent() && v.getAsDouble() >= min && v.getAsDouble() <= max;
        };
    }

    /** Rows of one of these BIDS suffixes ({@code T1w}, {@code FLAIR}...). */
    public static Predicate<ScanRow> modality(String... modalities) {
        return column(ScansTable.MODALITY, modalities);
    }

    /** Rows with age in [minYears, maxYears]. */
    public static Predicate<ScanRow> age(double minYears, double maxYears) {
        return range(ScansTable.AGE, minYears, maxYears);
    }

    /** Rows of one of these harmonised sexes ({@code M}, {@code F}, {@code O}). */
    public static Predicate<ScanRow> sex(String... sexes) {
        return column(ScansTable.SEX, sexes);
    }

    /** Rows of one of these site keys. */
    public static Predicate<ScanRow> site(String... sites) {
        return column(ScansTable.SITE, sites);
    }

    /** Rows with (nominal) field strength in [minTesla, maxTesla]. */
    public static Predicate<ScanRow> fieldStrength(double minTesla, double maxTesla) {
        return range(ScansTable.FIELD_STRENGTH, minTesla, maxTesla);
    }

    /**
     * Parses a filter expression as used on the command line: {@code column=v1,v2} (one of the values,
     * ignoring case) or {@code column=min..max} (numeric, inclusive; either bound may be empty).
     */
    public static Predicate<ScanRow> parse(String expression) {
        int eq = expression.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("filter \"" + expression + "\" is not column=value[,value] or column=min..max");
        }
        String column = expression.substring(0, eq).strip();
        String value = expression.substring(eq + 1).strip();
        int dots = value.indexOf("..");
        if (dots >= 0) {
            try {
                double min = dots == 0 ? Double.NEGATIVE_INFINITY : Double.parseDouble(value.substring(0, dots));
                String hi = value.substring(dots + 2);
                double max = hi.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(hi);
                return range(column, min, max);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("filter \"" + expression + "\": range bounds must be numbers", e);
            }
        }
        return column(column, value.split(","));
    }
}
