package org.neurocurate.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one subject's anatomy and clean contrasts on a site's grid, in one pass over the voxels:
 * each voxel's tissue fractions come from the subject's {@link HeadModel} (partial volume over a cube
 * of the smallest spacing; a voxel elongated along an axis, e.g. a 3 mm slice, averages
 * round(s_axis / s_min) such cubes along it, as a slice profile does), the label is their argmax, and
 * each contrast's intensity is Σ_t f_t·S_t·texture with S_t the {@link Protocol} signal of tissue t
 * times the site's intensity scale.
 */
public final class SubjectGenerator {

    private SubjectGenerator() {
    }

    /** One subject on {@code site}'s grid at cohort voxel size {@code gridMm}, with the given contrasts. */
    public static SyntheticSubject generate(SubjectParams subject, Site site, double gridMm, List<Contrast> contrasts) {
        if (!(gridMm > 0)) {
            throw new IllegalArgumentException("grid voxel size must be > 0 mm, got " + gridMm);
        }
        HeadModel head = new HeadModel(subject);
        ScanGrid g = ScanGrid.of(site, gridMm);
        double[] s = g.spacing();
        double h = Math.min(s[0], Math.min(s[1], s[2]));
        int[] sub = new int[3];
        for (int a = 0; a < 3; a++) {
            sub[a] = (int) Math.max(1, Math.min(4, Math.round(s[a] / h)));
        }
        double[][] signal = new double[contrasts.size()][];
        float[][] img = new float[contrasts.size()][g.size()];
        for (int c = 0; c < contrasts.size(); c++) {
            signal[c] = Protocol.of(contrasts.get(c), site).signals();
            for (int t = 0; t < signal[c].length; t++) {
                signal[c][t] *= site.intensityScale();
            }
        }
        byte[] labels = new byte[g.size()];
        double[] ml = new double[Tissue.COUNT];
        double[] f = new double[Tissue.COUNT];
        double[] part = new double[Tissue.COUNT];
        double[] p = new double[3];
        int v = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, v++) {
                    if (sub[0] * sub[1] * sub[2] == 1) {
                        head.toHead(g.x(i), g.y(j), g.z(k), p);
                        head.fractions(p, h, f);
                    } else {
                        profileAverage(head, g.x(i), g.y(j), g.z(k), s, sub, h, p, part, f);
                    }
                    labels[v] = (byte) accumulate(f, ml);
                    if (f[0] < 1) {
                        double tex = head.texture(p);
                        for (int c = 0; c < img.length; c++) {
                            double sum = 0;
                            for (int t = 1; t < f.length; t++) {
                                sum += f[t] * signal[c][t];
                            }
                            img[c][v] = (float) (sum * tex);
                        }
                    }
                }
            }
        }
        for (int t = 0; t < ml.length; t++) {
            ml[t] *= g.voxelMl();
        }
        Map<Contrast, float[]> images = new EnumMap<>(Contrast.class);
        for (int c = 0; c < contrasts.size(); c++) {
            images.put(contrasts.get(c), img[c]);
        }
        return new SyntheticSubject(subject, site, g, labels, images, ml);
    }

    /**
     * Fractions averaged over sub[0]·sub[1]·sub[2] sub-voxels of an elongated voxel centred at (x, y, z);
     * leaves {@code p} at the voxel centre (head frame) for the texture.
     */
    private static void profileAverage(HeadModel head, double x, double y, double z, double[] s, int[] sub, double h,
            double[] p, double[] part, double[] f) {
        java.util.Arrays.fill(f, 0);
        double w = 1.0 / (sub[0] * sub[1] * sub[2]);
        for (int c = 0; c < sub[2]; c++) {
            for (int b = 0; b < sub[1]; b++) {
                for (int a = 0; a < sub[0]; a++) {
                    head.toHead(x + offset(a, sub[0], s[0]), y + offset(b, sub[1], s[1]), z + offset(c, sub[2], s[2]), p);
                    head.fractions(p, h, part);
                    for (int t = 0; t < f.length; t++) {
                        f[t] += w * part[t];
                    }
                }
            }
        }
        head.toHead(x, y, z, p);
    }

    /** Centre of sub-voxel q of n along an axis of spacing s, relative to the voxel centre (mm). */
    private static double offset(int q, int n, double s) {
        return ((q + 0.5) / n - 0.5) * s;
    }

    /** Adds the fractions to the running volumes (voxel units) and returns the label of the largest. */
    private static int accumulate(double[] f, double[] ml) {
        int best = 0;
        for (int t = 0; t < f.length; t++) {
            ml[t] += f[t];
            if (f[t] > f[best]) {
                best = t;
            }
        }
        return best;
    }

    /**
     * A quick subject for tests and demos: drawn from {@code seed} (age 18–90), scanned as T1w at the
     * first catalogue site (Siemens 3 T, isotropic) with voxels of {@code gridMm}.
     */
    public static SyntheticSubject generate(long seed, double gridMm) {
        Site site = SiteCatalog.sites(1, seed).get(0);
        SubjectParams p = SubjectParams.sample("sub-" + Long.toUnsignedString(seed), new Random(seed), 1,
                AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
        return generate(p, site, gridMm, List.of(Contrast.T1W));
    }
}
