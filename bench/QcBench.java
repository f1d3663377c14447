import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.QcConfig;
import org.neurocurate.quality.QcResult;
import org.neurocurate.quality.QualityPipeline;
import org.neurocurate.volume.CropPad;
import org.neurocurate.volume.Interpolation;
import org.neurocurate.volume.Resample;
import org.neurocurate.volume.Volume;

/**
 * Benchmark driver for bench/qc (not project code).
 *   full TEMPLATE            : the avg152T1 head resampled to 1 mm and centred in a 256x256x176 grid, with
 *                              Rician noise; one warm-up run, then prints "full_qc_s <seconds>", the fastest of 3 timed runs
 *   prepare TEMPLATE DIR N   : writes N noisy 3 mm copies (different seeds) as a BIDS dataset in DIR
 */
public final class QcBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "full" -> full(Path.of(args[1]));
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Timed runs of the full pipeline after the warm-up; the fastest is reported (machine noise only ever adds). */
    static final int FULL_RUNS = 3;

    static void full(Path template) throws Exception {
        Volume oneMm = Resample.toSpacing(NiftiReader.read(template), new double[] {1, 1, 1}, Interpolation.LINEAR);
        Volume head = CropPad.toShape(oneMm, new long[] {256, 256, 176});
        Volume scan = noisy(head, 1);
        QcResult r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
        double s = Double.POSITIVE_INFINITY;
        StringBuilder runs = new StringBuilder();
        for (int k = 0; k < FULL_RUNS; k++) {
            long t0 = System.nanoTime();
            r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
            double t = (System.nanoTime() - t0) / 1e9;
            runs.append(String.format(" %.3f", t));
            s = Math.min(s, t);
        }
        System.out.println("full pipeline runs after the warm-up (s):" + runs);
        System.out.printf("snr_wm %.3f cnr %.3f efc %.4f qi_2 %.5f skull_stripped %s defaced %s%n", r.iqms().get("snr_wm"),
                r.iqms().get("cnr"), r.iqms().get("efc"), r.iqms().get("qi_2"), r.anonymisation().skullStripped(),
                r.anonymisation().defaced());
        System.out.printf("full_qc_s %.3f%n", s);
    }

    /** N noisy 3 mm copies of the head as a BIDS dataset: DIR/sub-XXX/anat/sub-XXX_T1w.nii.gz. */
    static void prepare(Path template, Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dataset_description.json"), "{\"Name\": \"bench/qc\", \"BIDSVersion\": \"1.9.0\"}\n");
        StringBuilder participants = new StringBuilder("participant_id\n");
        Volume small = Resample.toSpacing(NiftiReader.read(template), new double[] {3, 3, 3}, Interpolation.LINEAR);
        for (int i = 1; i <= n; i++) {
            String sub = String.format("sub-%03d", i);
            participants.append(sub).append('\n');
            Path anat = Files.createDirectories(dir.resolve(sub).resolve("anat"));
            NiftiWriter.write(noisy(small, 100 + i), anat.resolve(sub + "_T1w.nii.gz"));
        }
        Files.writeString(dir.resolve("participants.tsv"), participants);
    }

    /** Rician noise with σ = 1 % of the maximum, seeded. */
    static Volume noisy(Volume v, long seed) {
        float[] x = v.toFloatArray();
        float max = 0;
        for (float f : x) {
            max = Math.max(max, f);
        }
        double sigma = 0.01 * max;
        Random random = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            double re = x[i] + sigma * random.nextGaussian();
            double im = sigma * random.nextGaussian();
            x[i] = (float) Math.hypot(re, im);
        }
        long[] d = v.dimensions();
        return Volume.ofFloats(x, d, v.voxelToWorld());
    }
}
