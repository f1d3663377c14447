package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.IndexJob;
import org.neurocurate.io.bids.ScanRow;

/** What both Fiji faces of "Index BIDS" do, defined once. */
final class IndexBids {

    /** Title of the table window. */
    static final String TABLE_TITLE = "NeuroCurate Scans";

    private IndexBids() {
    }

    /** Splits a list of paths or filters given as one text field (separated by ';' or new lines). */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static IndexJob.Outcome run(List<Path> datasets, Path out, String where) throws IOException {
        return IndexJob.run(BidsIndexConfig.of(datasets), split(where), out, new ImageJProgress());
    }

    /** The rows of the written table as cells under its header. */
    static List<List<String>> cells(IndexJob.Outcome o) {
        List<List<String>> rows = new ArrayList<>();
        for (ScanRow r : o.table().rows()) {
            rows.add(o.table().header().stream().map(r::get).toList());
        }
        return rows;
    }
}
