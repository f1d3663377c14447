package org.neurocurate.quality.iqm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * A small generated head for level (a) tests: concentric spheres (WM core, GM shell, CSF shell,
 * scalp), Rician-like air noise, optional multiplicative bias along x, with exact masks and maps
 * (hard 0/1 partial-volume maps, the tissue labels), so tests control every input.
 */
final class IqmPhantom {

    static final double WM = 900;
    static final double GM = 600;
    static final double CSF = 250;
    static final double SCALP = 400;

    final int n;
    final double noise;
    final double biasAmplitude;
    final long seed;

    IqmPhantom(int n, double noise, double biasAmplitude, long seed) {
        this.n = n;
        this.noise = noise;
        this.biasAmplitude = biasAmplitude;
        this.seed = seed;
    }

    IqmInputs inputs() {
        int size = n * n * n;
        float[] image = new float[size];
        byte[] segm = new byte[size];
        float[][] pvms = {new float[size], new float[size], new float[size]};
        boolean[] head = new boolean[size];
        boolean[] air = new boolean[size];
        float[] bias = new float[size];
        Random random = new Random(seed);
        double c = (n - 1) / 2.0;
        for (int z = 0, v = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, v++) {
                    double r = Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c)) / (n / 2.0);
                    int label = r < 0.35 ? 3 : r < 0.5 ? 2 : r < 0.6 ? 1 : 0;
                    double truth = switch (label) {
                        case 3 -> WM;
                        case 2 -> GM;
                        case 1 -> CSF;
                        default -> r < 0.75 ? SCALP : 0;
                    };
                    double b = 1 + biasAmplitude * (x - c) / n;
                    double re = truth * b + noise * random.nextGaussian();
                    double im = noise * random.nextGaussian();
                    image[v] = (float) Math.hypot(re, im);
                    segm[v] = (byte) label;
                    if (label > 0) {
                        pvms[label - 1][v] = 1f;
                    }
                    head[v] = r < 0.75;
                    air[v] = r >= 0.8;
                    bias[v] = (float) b;
                }
            }
        }
        return new IqmInputs(new int[] {n, n, n}, new double[] {2, 2, 2}, image, segm, pvms, head, air,
                new boolean[size], new boolean[size], bias, new float[][] {pvms[0], pvms[1], pvms[2]},
                new double[] {3, 3.2, 3.4});
    }

    /** Writes the inputs as a case folder (the iqm-reference layout) into {@code dir}. */
    static void writeCase(IqmInputs in, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(in, in.image(), dir.resolve("image.nii.gz"));
        float[] segm = new float[in.size()];
        for (int i = 0; i < segm.length; i++) {
            segm[i] = in.segmentation()[i];
        }
        write(in, segm, dir.resolve("segm.nii.gz"));
        String[] tissues = {"csf", "gm", "wm"};
        for (int k = 0; k < 3; k++) {
            write(in, in.pvms()[k], dir.resolve("pvm_" + tissues[k] + ".nii.gz"));
            write(in, in.templateTpms()[k], dir.resolve("tpm_" + tissues[k] + ".nii.gz"));
        }
        write(in, floats(in.headMask()), dir.resolve("head_mask.nii.gz"));
        write(in, floats(in.airMask()), dir.resolve("air_mask.nii.gz"));
        write(in, floats(in.artifactMask()), dir.resolve("art_mask.nii.gz"));
        write(in, floats(in.rotationMask()), dir.resolve("rot_mask.nii.gz"));
        write(in, in.bias(), dir.resolve("bias.nii.gz"));
        double[] f = in.fwhmMm();
        Files.writeString(dir.resolve("fwhm_mm.json"), "[" + f[0] + ", " + f[1] + ", " + f[2] + "]");
    }

    static void write(IqmInputs in, float[] values, Path file) throws IOException {
        long[] dims = {in.dims()[0], in.dims()[1], in.dims()[2]};
        double[] s = in.spacing();
        NiftiWriter.write(Volume.ofFloats(values, dims, Affine.scaling(s[0], s[1], s[2])), file);
    }

    static float[] floats(boolean[] mask) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1f : 0f;
        }
        return out;
    }
}
