import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.QcConfig;
import org.neurocurate.quality.QcResult;
import org.neurocurate.quality.QualityPipeline;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortResult;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.GroundTruthRow;
import org.neurocurate.volume.Volume;

/**
 * Benchmark driver (not project code): level (b) masks and tissues against the generator's truth on
 * the clean scans of a generated cohort (subjects, grid mm, seed, out folder; no artifacts). Per scan
 * the brain-mask Dice (truth: the intracranial labels) and CSF / GM / WM Dice of the pipeline's
 * labels, beside its peer, an intensity oracle: the truth's majority class per bin of the pipeline's
 * bias-corrected intensity inside the true intracranial mask, the best any classifier of single
 * voxel intensities could do with that correction. Where the pipeline trails the oracle the tissue
 * model is at fault; where the oracle itself is low, the scan's resolution or noise is.
 */
public final class TissueSynthBench {

    private static final int BINS = 200;

    public static void main(String[] a) throws Exception {
        CohortSpec spec = CohortSpec.defaults().withSubjects(Integer.parseInt(a[0])).withGridMm(Double.parseDouble(a[1]))
                .withSeed(Long.parseLong(a[2])).withArtifactRate(0).withThreads(2);
        Path root = Path.of(a[3]);
        CohortResult cohort = CohortGenerator.generate(spec, root, ProgressListener.NONE);
        System.out.println("scan\tsite\tspacing_mm\tbrain\tcsf\tgm\twm\toracle_csf\toracle_gm\toracle_wm");
        Map<String, List<double[]>> byGeometry = new TreeMap<>();
        List<double[]> all = new ArrayList<>();
        for (GroundTruthRow r : cohort.rows()) {
            if (r.tier() != 5) {
                continue;
            }
            Volume scan = NiftiReader.read(root.resolve(r.scan()));
            String id = r.participantId();
            float[] truth = NiftiReader.read(root.resolve("sourcedata").resolve(id).resolve("anat")
                    .resolve(id + "_dseg.nii.gz")).toFloatArray();
            QcResult qc = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
            double[] d = dice(truth, qc.brain(), qc.tissue().labels(), qc.tissue().corrected());
            double[] s = scan.spacing();
            String spacing = String.format(Locale.ROOT, "%.2gx%.2gx%.2g", s[0], s[1], s[2]);
            System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f%n", id, r.site(), spacing,
                    d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
            double longest = Math.max(s[0], Math.max(s[1], s[2]));
            double shortest = Math.min(s[0], Math.min(s[1], s[2]));
            byGeometry.computeIfAbsent(longest >= 2 * shortest ? "thick-slice" : "isotropic", k -> new ArrayList<>()).add(d);
            all.add(d);
        }
        for (Map.Entry<String, List<double[]>> e : byGeometry.entrySet()) {
            System.out.printf(Locale.ROOT, "%s (%d scans) median Dice: brain %.3f, CSF %.3f (oracle %.3f), GM %.3f (%.3f), "
                    + "WM %.3f (%.3f); all tissues >= 0.85 on %d%n", e.getKey(), e.getValue().size(), median(e.getValue(), 0),
                    median(e.getValue(), 1), median(e.getValue(), 4), median(e.getValue(), 2), median(e.getValue(), 5),
                    median(e.getValue(), 3), median(e.getValue(), 6), allAtLeast(e.getValue(), 0.85));
        }
        double brainMin = all.stream().mapToDouble(d -> d[0]).min().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "RESULT scans=%d brain_min=%.3f csf_median=%.3f gm_median=%.3f wm_median=%.3f "
                + "tissues_085=%.3f oracle_gm_median=%.3f%n", all.size(), brainMin, median(all, 1), median(all, 2),
                median(all, 3), all.isEmpty() ? Double.NaN : (double) allAtLeast(all, 0.85) / all.size(), median(all, 5));
    }

    /** Tissue class of a generator label: 1 CSF, 2 GM, 3 WM, 0 outside the intracranial volume. */
    private static int tissue(float label) {
        return switch (Math.round(label)) {
            case 1, 5 -> 1;
            case 2, 4, 6 -> 2;
            case 3, 7, 8, 9 -> 3;
            default -> 0;
        };
    }

    /** Brain, CSF, GM, WM Dice of the pipeline, then the oracle's CSF, GM, WM Dice. */
    private static double[] dice(float[] truth, boolean[] brain, byte[] labels, float[] corrected) {
        int n = truth.length;
        int[] t = new int[n];
        double max = 0;
        for (int v = 0; v < n; v++) {
            t[v] = tissue(truth[v]);
            if (t[v] > 0) {
                max = Math.max(max, corrected[v]);
            }
        }
        long[][] hist = new long[BINS][4];
        for (int v = 0; v < n; v++) {
            if (t[v] > 0) {
                hist[bin(corrected[v], max)][t[v]]++;
            }
        }
        int[] majority = new int[BINS];
        for (int b = 0; b < BINS; b++) {
            for (int k = 1; k <= 3; k++) {
                if (hist[b][k] > 0 && (majority[b] == 0 || hist[b][k] > hist[b][majority[b]])) {
                    majority[b] = k;
                }
            }
        }
        double[] out = new double[7];
        long both = 0;
        long sizes = 0;
        for (int v = 0; v < n; v++) {
            both += brain[v] && t[v] > 0 ? 1 : 0;
            sizes += (brain[v] ? 1 : 0) + (t[v] > 0 ? 1 : 0);
        }
        out[0] = 2.0 * both / sizes;
        for (int k = 1; k <= 3; k++) {
            long[] p = new long[3];
            long[] o = new long[3];
            for (int v = 0; v < n; v++) {
                boolean truthK = t[v] == k;
                boolean gotK = brain[v] && labels[v] == k;
                boolean oracleK = t[v] > 0 && majority[bin(corrected[v], max)] == k;
                p[0] += truthK && gotK ? 1 : 0;
                p[1] += gotK ? 1 : 0;
                o[0] += truthK && oracleK ? 1 : 0;
                o[1] += oracleK ? 1 : 0;
                p[2] += truthK ? 1 : 0;
            }
            out[k] = 2.0 * p[0] / (p[1] + p[2]);
            out[3 + k] = 2.0 * o[0] / (o[1] + p[2]);
        }
        return out;
    }

    private static int bin(float value, double max) {
        return (int) Math.max(0, Math.min(BINS - 1, value / max * BINS));
    }

    private static double median(List<double[]> rows, int column) {
        double[] x = rows.stream().mapToDouble(d -> d[column]).sorted().toArray();
        return x.length == 0 ? Double.NaN : x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
    }

    private static int allAtLeast(List<double[]> rows, double bound) {
        return (int) rows.stream().filter(d -> d[1] >= bound && d[2] >= bound && d[3] >= bound).count();
    }
}
