package org.neurocurate.artifact;

import org.jtransforms.fft.FloatFFT_3D;

/**
 * k-space of a 3D magnitude image with JTransforms: interleaved complex arrays (re, im) laid out like
 * the image, i fastest. Frequencies are stored unshifted: index f along an axis of size n stands for
 * the signed frequency {@link #signedFrequency(int, int)} (cycles per field of view).
 */
final class KSpace {

    private KSpace() {
    }

    /** Forward 3D DFT of a real image; returns 2·n interleaved values. */
    static float[] forward(float[] image, VolumeGrid g) {
        float[] c = new float[2 * image.length];
        for (int v = 0; v < image.length; v++) {
            c[2 * v] = image[v];
        }
        new FloatFFT_3D(g.nz(), g.ny(), g.nx()).complexForward(c);
        return c;
    }

    /** Inverse 3D DFT (scaled by 1/n) in place. */
    static void inverse(float[] c, VolumeGrid g) {
        new FloatFFT_3D(g.nz(), g.ny(), g.nx()).complexInverse(c, true);
    }

    /** Inverse DFT and the magnitude |z| of each voxel, as a scanner reconstructs a magnitude image. */
    static float[] inverseMagnitude(float[] c, VolumeGrid g) {
        inverse(c, g);
        float[] out = new float[c.length / 2];
        for (int v = 0; v < out.length; v++) {
            float re = c[2 * v];
            float im = c[2 * v + 1];
            out[v] = (float) Math.sqrt(re * re + im * im);
        }
        return out;
    }

    /** The signed frequency of unshifted index {@code f} on an axis of size {@code n}: f for f < n/2, else f − n. */
    static int signedFrequency(int f, int n) {
        return f < (n + 1) / 2 ? f : f - n;
    }

    /** The unshifted index of signed frequency {@code s} on an axis of size {@code n}. */
    static int indexOf(int s, int n) {
        return Math.floorMod(s, n);
    }

    /** Frequency index of voxel {@code v} along {@code axis}. */
    static int coordinate(int v, int axis, VolumeGrid g) {
        return switch (axis) {
            case 0 -> v % g.nx();
            case 1 -> (v / g.nx()) % g.ny();
            default -> v / (g.nx() * g.ny());
        };
    }
}
