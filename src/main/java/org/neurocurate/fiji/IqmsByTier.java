package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.neurocurate.quality.tier.IqmTable;
import org.neurocurate.quality.tier.IqmTableException;
import org.neurocurate.quality.tier.IqmTableReader;

/**
 * What both Fiji faces of "IQMs by Tier" do, defined once: reads a table with a {@code tier} column
 * and IQM columns (the QC stage's {@code group_T1w.tsv}, or a tier table joined with IQMs) and draws
 * one IQM's distribution per tier ({@link TierPlot}).
 */
final class IqmsByTier {

    /** The IQM shown when none is given: the entropy focus criterion, the first key IQM. */
    static final String DEFAULT_IQM = "efc";

    private IqmsByTier() {
    }

    /** The plot as an image titled "IQM by quality tier". */
    static ImagePlus plot(Path table, String iqm) throws IOException {
        IqmTable t = IqmTableReader.read(table);
        int c = t.columnIndex(iqm);
        int tc = t.columnIndex("tier");
        if (tc < 0) {
            throw new IqmTableException(table, "no tier column; run quality control (group level) first");
        }
        if (c < 0) {
            throw new IqmTableException(table, "no numeric column '" + iqm + "'");
        }
        double[] values = new double[t.rows()];
        int[] tiers = new int[t.rows()];
        for (int i = 0; i < t.rows(); i++) {
            values[i] = t.values()[i][c];
            double tier = t.values()[i][tc];
            tiers[i] = Double.isFinite(tier) ? (int) tier : 0;
        }
        return TierPlot.of(iqm, values, tiers).getImagePlus();
    }
}
