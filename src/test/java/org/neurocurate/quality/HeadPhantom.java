package org.neurocurate.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.AgeingModel;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.SiteCatalog;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.synth.SubjectParams;
import org.neurocurate.synth.SyntheticSubject;
import org.neurocurate.synth.Tissue;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * A generated T1w-like head for level (b) tests, with its truth: ellipsoidal brain (WM core with
 * ventricles, GM shell, CSF shell), skull, scalp, a face block in front of the lower brain and a neck;
 * Rician noise, a linear multiplicative bias along y, and an optional ghost (a copy shifted by half the
 * field of view along y, the phase-encoding axis). World axes are RAS with the grid's i, j, k.
 */
public final class HeadPhantom {

    public static final float WM = 900;
    public static final float GM = 600;
    public static final float CSF = 250;
    public static final float SKULL = 60;
    public static final float SCALP = 500;

    public final int n;
    public final double voxelMm;
    public final byte[] labels;
    public final boolean[] brain;
    public final boolean[] face;
    public final float[] clean;

    public HeadPhantom(int n, double voxelMm) {
        this.n = n;
        this.voxelMm = voxelMm;
        int size = n * n * n;
        labels = new byte[size];
        brain = new boolean[size];
        face = new boolean[size];
        clean = new float[size];
        double c = (n - 1) / 2.0;
        for (int z = 0, v = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, v++) {
                    double px = (x - c) * voxelMm;
                    double py = (y - c) * voxelMm;
                    double pz = (z - c) * voxelMm;
                    double rb = radius(px, py, pz - 8, 58, 72, 58);
                    double rh = radius(px, py, pz - 4, 74, 88, 80);
                    boolean faceBlock = py > 40 && py < 92 && pz > -55 && pz < 0 && Math.abs(px) < 45;
                    boolean neck = pz < -40 && Math.hypot(px / 45, (py + 5) / 50) < 1;
                    float value = 0;
                    if (rb < 1) {
                        brain[v] = true;
                        int label = rb < 0.18 || rb > 0.92 ? 1 : rb > 0.68 ? 2 : 3;
                        labels[v] = (byte) label;
                        value = label == 3 ? WM : label == 2 ? GM : CSF;
                    } else if (rb < 1.1) {
                        value = SKULL;
                    } else if (rh < 1 || neck) {
                        value = SCALP;
                    } else if (faceBlock) {
                        face[v] = true;
                        value = SCALP;
                    }
                    clean[v] = value;
                }
            }
        }
    }

    private static double radius(double x, double y, double z, double a, double b, double c) {
        return Math.sqrt((x / a) * (x / a) + (y / b) * (y / b) + (z / c) * (z / c));
    }

    /** The scan: clean image times bias (1 + bias·y/FOV), plus ghost, with Rician noise of the given σ. */
    public Volume scan(double noise, double bias, double ghost, long seed) {
        Random random = new Random(seed);
        float[] img = new float[clean.length];
        double c = (n - 1) / 2.0;
        for (int z = 0, v = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, v++) {
                    double signal = clean[v] * (1 + bias * (y - c) / n);
                    if (ghost > 0) {
                        int gy = (y + n / 2) % n;
                        signal += ghost * clean[x + n * (gy + n * z)];
                    }
                    double re = signal + noise * random.nextGaussian();
                    double im = noise * random.nextGaussian();
                    img[v] = (float) Math.hypot(re, im);
                }
            }
        }
        return Volume.ofFloats(img, new long[] {n, n, n}, affine());
    }

    public Affine affine() {
        double o = -(n - 1) / 2.0 * voxelMm;
        return Affine.fromRows(new double[][] {{voxelMm, 0, 0, o}, {0, voxelMm, 0, o}, {0, 0, voxelMm, o}});
    }

    /**
     * The generated head of subject {@code seed} (age 18–90) at site template {@code template} of the
     * eight, with the generator's {@code gridMm} grid, scanned in {@code contrast}.
     */
    static SyntheticSubject templateHead(long seed, int template, double gridMm, Contrast contrast) {
        SubjectParams p = SubjectParams.sample("sub-" + seed, new Random(seed), 1, AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
        return SubjectGenerator.generate(p, SiteCatalog.sites(8, seed).get(template), gridMm, List.of(contrast));
    }

    /** The whole pipeline, with {@code contrast}'s settings, on {@code s}'s image with 1 % Rician noise seeded by {@code seed}. */
    static QcResult pipeline(SyntheticSubject s, Contrast contrast, long seed) throws NoBrainException {
        return QualityPipeline.run(withRicianNoise(s.image(contrast), 0.01, seed),
                QcConfig.DEFAULTS.forModality(contrast.suffix()), ProgressListener.NONE);
    }

    /** A copy of {@code clean} with Rician noise of σ = {@code fractionOfMax} × its maximum, seeded. */
    public static Volume withRicianNoise(Volume clean, double fractionOfMax, long seed) {
        float[] x = clean.toFloatArray();
        float max = 0;
        for (float f : x) {
            max = Math.max(max, f);
        }
        Random random = new Random(seed);
        double sigma = fractionOfMax * max;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.hypot(x[i] + sigma * random.nextGaussian(), sigma * random.nextGaussian());
        }
        return Volume.ofFloats(x, clean.dimensions(), clean.voxelToWorld());
    }

    /** Dice overlap of two masks. */
    public static double dice(boolean[] a, boolean[] b) {
        long both = 0;
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
            sum += (a[i] ? 1 : 0) + (b[i] ? 1 : 0);
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }

    /**
     * Dice of labels 1 (CSF), 2 (GM), 3 (WM) against a generated subject's truth grouped as CSF = CSF +
     * ventricles, GM = cortical + deep + cerebellar GM, WM = cerebral + cerebellar WM + brainstem + lesions.
     */
    public static double[] tissueDice(byte[] labels, SyntheticSubject s) {
        double[] out = new double[3];
        for (int t = 1; t <= 3; t++) {
            boolean[] got = new boolean[labels.length];
            boolean[] truth = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                got[i] = labels[i] == t;
                truth[i] = tissueClass(s.tissueAt(i)) == t;
            }
            out[t - 1] = dice(got, truth);
        }
        return out;
    }

    /**
     * Dice of labels 1 (CSF), 2 (GM), 3 (WM) against a generated cohort's label map ({@code truth}, label
     * values as floats, {@link #cohortTruth}), grouped as {@link #tissueDice(byte[], SyntheticSubject)} does.
     */
    static double[] tissueDice(byte[] labels, float[] truth) {
        double[] out = new double[3];
        for (int t = 1; t <= 3; t++) {
            boolean[] got = new boolean[labels.length];
            for (int v = 0; v < labels.length; v++) {
                got[v] = labels[v] == t;
            }
            out[t - 1] = dice(got, inClass(truth, t));
        }
        return out;
    }

    /**
     * The voxels of a generator's label map ({@code truth}, label values as floats) whose tissue falls in
     * segmentation class {@code t} (1 CSF, 2 GM, 3 WM), as {@link #tissueDice} counts them.
     */
    static boolean[] inClass(float[] truth, int t) {
        boolean[] out = new boolean[truth.length];
        for (int v = 0; v < truth.length; v++) {
            out[v] = tissueClass(Tissue.ofLabel(Math.round(truth[v]))) == t;
        }
        return out;
    }

    /** The voxels of a generator's label map ({@code truth}, label values as floats) inside the skull. */
    static boolean[] intracranial(float[] truth) {
        boolean[] out = new boolean[truth.length];
        for (int v = 0; v < truth.length; v++) {
            out[v] = Tissue.ofLabel(Math.round(truth[v])).intracranial();
        }
        return out;
    }

    /** A generated cohort's T1w scan of subject {@code id}. */
    static Volume cohortScan(Path root, String id) throws IOException {
        return NiftiReader.read(root.resolve(id).resolve("anat").resolve(id + "_T1w.nii.gz"));
    }

    /** The generator's label map of subject {@code id} in a generated cohort, as floats. */
    static float[] cohortTruth(Path root, String id) throws IOException {
        return NiftiReader.read(root.resolve("sourcedata").resolve(id).resolve("anat").resolve(id + "_dseg.nii.gz"))
                .toFloatArray();
    }

    private static int tissueClass(Tissue t) {
        return switch (t) {
            case CSF, VENTRICLE -> 1;
            case GM, DEEP_GM, CEREBELLUM_GM -> 2;
            case WM, CEREBELLUM_WM, BRAINSTEM, LESION -> 3;
            default -> 0;
        };
    }
}
