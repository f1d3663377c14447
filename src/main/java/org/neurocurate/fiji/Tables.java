package org.neurocurate.fiji;

import java.util.List;

import ij.measure.ResultsTable;

/** Shows NeuroCurate's tables (a header and rows of text) as ImageJ ResultsTables. */
final class Tables {

    private Tables() {
    }

    /**
     * A ResultsTable with one row per input row. Numeric cells become numbers (so ImageJ can plot and
     * sort them); everything else stays text; empty cells stay empty.
     */
    static ResultsTable toResultsTable(List<String> header, List<List<String>> rows) {
        return fill(new ResultsTable(), header, rows);
    }

    /**
     * Replaces the content of ImageJ's system Results table (what macros read with {@code nResults},
     * {@code getResult} and {@code getResultString}) and shows it when there is a display.
     */
    static void toSystemResults(List<String> header, List<List<String>> rows) {
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
        fill(rt, header, rows);
        if (!MacroOptions.headless()) {
            rt.show("Results");
        }
    }

    private static ResultsTable fill(ResultsTable rt, List<String> header, List<List<String>> rows) {
        rt.showRowNumbers(false);
        for (List<String> row : rows) {
            rt.incrementCounter();
            for (int c = 0; c < header.size(); c++) {
                String v = c < row.size() ? row.get(c) : "";
                Double number = parse(v);
                if (number != null) {
                    rt.addValue(header.get(c), number);
                } else {
                    rt.addValue(header.get(c), v);
                }
            }
        }
        return rt;
    }

    private static Double parse(String v) {
        if (v == null || v.isEmpty() || !(Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' || v.charAt(0) == '.')) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
