package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of image quality metrics, one row a scan, with MRIQC column names. Values that are missing
 * or not numbers are {@link Double#NaN}; the row keeps a note of which columns were bad so a batch
 * can report it instead of failing.
 *
 * @param idColumn  the name of the id column ({@code subject_id} or {@code participant_id})
 * @param ids       one id per row
 * @param sites     one acquisition site per row, or null values when the table has no site column
 * @param columns   the numeric columns, in file order
 * @param values    row-major values, {@code values[row][column]}
 * @param problems  one note per row, empty when the row was clean
 */
public record IqmTable(String idColumn, List<String> ids, List<String> sites, List<String> columns,
                       double[][] values, List<String> problems) {

    public IqmTable {
        ids = List.copyOf(ids);
        sites = Collections.unmodifiableList(new ArrayList<>(sites));
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
        if (ids.size() != values.length || sites.size() != values.length || problems.size() != values.length) {
            throw new IllegalArgumentException("ids, sites, problems and values differ in length");
        }
    }

    /**
     * A table from per-scan IQM maps (as a QC batch holds them): the columns are the union of the maps'
     * keys in first-seen order; an absent or NaN value is NaN with a note on its row.
     *
     * @param sites  one site per scan (null entries allowed), or null for none
     */
    public static IqmTable fromMaps(String idColumn, List<String> ids, List<String> sites,
                                    List<Map<String, Double>> iqms) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        iqms.forEach(m -> names.addAll(m.keySet()));
        List<String> cols = new ArrayList<>(names);
        double[][] v = new double[iqms.size()][cols.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            List<String> bad = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                Double x = iqms.get(i).get(cols.get(c));
                v[i][c] = x == null || !Double.isFinite(x) ? Double.NaN : x;
                if (Double.isNaN(v[i][c])) {
                    bad.add(cols.get(c) + " missing");
                }
            }
            problems.add(bad.isEmpty() ? "" : "non-numeric or missing IQM: " + String.join(", ", bad));
        }
        List<String> s = sites != null ? sites : java.util.Arrays.asList(new String[ids.size()]);
        return new IqmTable(idColumn, ids, s, cols, v, problems);
    }

    /** Number of rows (scans). */
    public int rows() {
        return ids.size();
    }

    /** Index of a column, or -1 when the table does not have it. */
    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** The value of a named column in a row, NaN when absent. */
    public double value(int row, String column) {
        int c = columnIndex(column);
        return c < 0 ? Double.NaN : values[row][c];
    }

    /** Row index by id; later duplicates win. */
    public Map<String, Integer> rowsById() {
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), i);
        }
        return byId;
    }

    /** The given rows, in the given order. */
    public IqmTable subset(int[] rows) {
        List<String> i = new ArrayList<>();
        List<String> s = new ArrayList<>();
        List<String> p = new ArrayList<>();
        double[][] v = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            i.add(ids.get(rows[k]));
            s.add(sites.get(rows[k]));
            p.add(problems.get(rows[k]));
            v[k] = values[rows[k]];
        }
        return new IqmTable(idColumn, i, s, columns, v, p);
    }

    /** A copy of this table with the given per-row sites. */
    public IqmTable withSites(List<String> newSites) {
        return new IqmTable(idColumn, ids, newSites, columns, values, problems);
    }
}
