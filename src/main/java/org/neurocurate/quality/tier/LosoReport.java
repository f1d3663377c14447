package org.neurocurate.quality.tier;

import org.neurocurate.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Leave-one-site-out results of NeuroCurate's classifier and of the MRIQC-style forest, per site,
 * with mean and sample SD over the sites that have both classes (AUC is undefined otherwise; balanced
 * accuracy is averaged over the same sites so the two columns describe the same set). Balanced
 * accuracy uses the uncalibrated, class-balanced score at 0.5.
 */
public record LosoReport(List<SiteRow> sites, Summary ours, Summary mriqcStyle) {

    /** TSV columns, in order. */
    public static final List<String> COLUMNS = List.of("site", "n", "n_unusable", "auc", "balanced_accuracy",
            "mriqc_style_auc", "mriqc_style_balanced_accuracy");

    /** One held-out site. */
    public record SiteRow(String site, int n, int nUnusable, double auc, double balancedAccuracy,
                          double mriqcAuc, double mriqcBalancedAccuracy) {
        public boolean bothClasses() {
            return nUnusable > 0 && nUnusable < n;
        }
    }

    /** Mean and SD of AUC and balanced accuracy over {@code sites} sites. */
    public record Summary(double aucMean, double aucSd, double baccMean, double baccSd, int sites) {
    }

    public LosoReport {
        sites = List.copyOf(sites);
    }

    /** Builds the report from out-of-site scores of both pipelines. */
    public static LosoReport of(IqmTable table, boolean[] usable, double[] ours, double[] mriqc) {
        List<SiteRow> rows = new ArrayList<>();
        for (String site : LeaveOneSiteOut.sites(table)) {
            int[] idx = LeaveOneSiteOut.rowsWhere(table, site, true);
            boolean[] y = new boolean[idx.length];
            double[] a = new double[idx.length];
            double[] b = new double[idx.length];
            int bad = 0;
            for (int k = 0; k < idx.length; k++) {
                y[k] = usable[idx[k]];
                a[k] = ours[idx[k]];
                b[k] = mriqc[idx[k]];
                bad += y[k] ? 0 : 1;
            }
            rows.add(new SiteRow(site, idx.length, bad, RankMetrics.auc(a, y), RankMetrics.balancedAccuracy(a, y, 0.5),
                    RankMetrics.auc(b, y), RankMetrics.balancedAccuracy(b, y, 0.5)));
        }
        return new LosoReport(rows, summary(rows, false), summary(rows, true));
    }

    private static Summary summary(List<SiteRow> rows, boolean mriqc) {
        List<SiteRow> both = rows.stream().filter(SiteRow::bothClasses).toList();
        double[] auc = both.stream().mapToDouble(r -> mriqc ? r.mriqcAuc() : r.auc()).toArray();
        double[] bacc = both.stream().mapToDouble(r -> mriqc ? r.mriqcBalancedAccuracy() : r.balancedAccuracy()).toArray();
        return new Summary(mean(auc), sd(auc), mean(bacc), sd(bacc), both.size());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** Sample standard deviation (n - 1). */
    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length < 2 ? Double.NaN : Math.sqrt(s / (v.length - 1));
    }

    /**
     * The table as TSV lines: header, one row per site, then a {@code mean} row (n and n_unusable: totals
     * over all sites) and an {@code sd} row (n: the number of sites the mean and SD are over).
     */
    public List<String> tsvLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", COLUMNS));
        for (SiteRow r : sites) {
            lines.add(String.join("\t", r.site(), Integer.toString(r.n()), Integer.toString(r.nUnusable()),
                    num(r.auc()), num(r.balancedAccuracy()), num(r.mriqcAuc()), num(r.mriqcBalancedAccuracy())));
        }
        int n = sites.stream().mapToInt(SiteRow::n).sum();
        int bad = sites.stream().mapToInt(SiteRow::nUnusable).sum();
        lines.add(String.join("\t", "mean", Integer.toString(n), Integer.toString(bad), num(ours.aucMean()),
                num(ours.baccMean()), num(mriqcStyle.aucMean()), num(mriqcStyle.baccMean())));
        lines.add(String.join("\t", "sd", Integer.toString(ours.sites()), "", num(ours.aucSd()),
                num(ours.baccSd()), num(mriqcStyle.aucSd()), num(mriqcStyle.baccSd())));
        return lines;
    }

    /** The table's rows as cells (without the header {@link #COLUMNS}), e.g. for an ImageJ ResultsTable. */
    public List<List<String>> rows() {
        return tsvLines().stream().skip(1).map(l -> List.of(l.split("\t", -1))).toList();
    }

    /** Writes {@link #tsvLines()} atomically. */
    public void writeTsv(Path out) throws IOException {
        AtomicOutput.writeString(out, String.join("\n", tsvLines()) + "\n");
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
