package org.neurocurate.quality.tier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expert ratings in MRIQC's {@code y_<dataset>.csv} layout: {@code subject_id, site, rater_1, ...}
 * with values -1 (exclude), 0 (doubtful), 1 (accept). NeuroCurate's label convention (see
 * ../shared/data/mriqc/README.md): one rater column, "unusable" = -1, doubtful and accept count as
 * usable — the setting of Esteban et al. 2017, PLOS ONE 12(9):e0184661.
 */
public final class ExpertRatings {

    /** The default rater column: rater_3 rated every ABIDE scan. */
    public static final String DEFAULT_RATER = "rater_3";

    /** One rated scan. */
    public record Rating(String site, int value) {
        /** True unless the rater excluded the scan (-1). */
        public boolean usable() {
            return value != -1;
        }
    }

    private ExpertRatings() {
    }

    /** Ratings by id from one rater column; rows without a rating in that column are left out. */
    public static Map<String, Rating> read(Path file, String raterColumn) throws IOException {
        IqmTableReader.requireFile(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IqmTableException(file, "empty ratings table");
        }
        char sep = lines.get(0).indexOf('\t') >= 0 ? '\t' : ',';
        List<String> header = DelimitedLine.split(lines.get(0).replace("\uFEFF", ""), sep);
        int id = header.indexOf("subject_id") >= 0 ? header.indexOf("subject_id") : header.indexOf("participant_id");
        int site = header.indexOf("site");
        int rater = header.indexOf(raterColumn);
        if (id < 0 || site < 0 || rater < 0) {
            throw new IqmTableException(file, "needs columns subject_id (or participant_id), site and " + raterColumn);
        }
        Map<String, Rating> out = new LinkedHashMap<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = DelimitedLine.split(lines.get(r), sep);
            String text = rater < cells.size() ? cells.get(rater).trim() : "";
            if (text.isEmpty()) {
                continue;
            }
            out.put(cells.get(id).trim(), new Rating(cells.get(site).trim(), parseRating(file, r, text)));
        }
        return out;
    }

    private static int parseRating(Path file, int line, String text) throws IqmTableException {
        try {
            double v = Double.parseDouble(text);
            if (v != -1 && v != 0 && v != 1) {
                throw new IqmTableException(file, "line " + (line + 1) + ": rating " + text + " is not -1, 0 or 1");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new IqmTableException(file, "line " + (line + 1) + ": rating '" + text + "' is not a number");
        }
    }

    /**
     * The rated rows of an IQM table, with their sites taken from the ratings, and the usable label
     * per row. Rows without a rating are dropped.
     */
    public static RatedScans join(IqmTable iqms, Map<String, Rating> ratings) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < iqms.rows(); i++) {
            if (ratings.containsKey(iqms.ids().get(i))) {
                keep.add(i);
            }
        }
        List<String> ids = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        double[][] values = new double[keep.size()][];
        boolean[] usable = new boolean[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            Rating rating = ratings.get(iqms.ids().get(i));
            ids.add(iqms.ids().get(i));
            sites.add(rating.site());
            problems.add(iqms.problems().get(i));
            values[k] = iqms.values()[i];
            usable[k] = rating.usable();
        }
        return new RatedScans(new IqmTable(iqms.idColumn(), ids, sites, iqms.columns(), values, problems), usable);
    }

    /** IQM rows with a site each and the expert's verdict. */
    public record RatedScans(IqmTable table, boolean[] usable) {
    }
}
