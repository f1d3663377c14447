package org.neurocurate.fiji;

import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Util;

import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Converts between NeuroCurate volumes and ImageJ 1 images (imglib2-ij is not available, so this is
 * the small bridge FIJI.md asks for). uint8 and uint16 volumes without scaling stay 8- and 16-bit;
 * everything else becomes 32-bit float of the real values. Calibration comes from the voxel spacing
 * (mm); the voxel-to-world affine travels in the image property {@value #AFFINE_PROPERTY}.
 */
public final class ImagePlusBridge {

    /** Image property holding the 12 numbers of the affine's first three rows, space-separated. */
    public static final String AFFINE_PROPERTY = "NeuroCurate.affine";

    private ImagePlusBridge() {
    }

    /** An ImagePlus (a hyperstack with frames for 4D) showing the volume's real values. */
    public static ImagePlus toImagePlus(Volume volume, String title) {
        long[] d = volume.dimensions();
        if (d.length < 2 || d.length > 4) {
            throw new IllegalArgumentException("only 2D to 4D volumes can be shown, this one has " + d.length + " axes");
        }
        int nx = (int) d[0], ny = (int) d[1], nz = d.length > 2 ? (int) d[2] : 1, nt = d.length > 3 ? (int) d[3] : 1;
        Object type = Util.getTypeFromInterval(volume.storedImage());
        boolean asBytes = !volume.isScaled() && type instanceof UnsignedByteType;
        boolean asShorts = !volume.isScaled() && type instanceof UnsignedShortType;
        float[] values = volume.toFloatArray();
        ImageStack stack = new ImageStack(nx, ny);
        int plane = nx * ny;
        for (int p = 0; p < nz * nt; p++) {
            stack.addSlice(null, slice(values, p * plane, nx, ny, asBytes, asShorts));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(1, nz, nt);
        if (nt > 1) {
            imp.setOpenAsHyperStack(true);
        }
        double[] s = volume.spacing();
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = s[0];
        cal.pixelHeight = s[1];
        cal.pixelDepth = s[2];
        cal.setUnit("mm");
        imp.setProperty(AFFINE_PROPERTY, affineText(volume.voxelToWorld()));
        imp.resetDisplayRange();
        return imp;
    }

    private static ImageProcessor slice(float[] v, int off, int nx, int ny, boolean asBytes, boolean asShorts) {
        int n = nx * ny;
        if (asBytes) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (int) v[off + i];
            }
            return new ByteProcessor(nx, ny, b);
        }
        if (asShorts) {
            short[] s = new short[n];
            for (int i = 0; i < n; i++) {
                s[i] = (short) (int) v[off + i];
            }
            return new ShortProcessor(nx, ny, s, null);
        }
        float[] f = new float[n];
        System.arraycopy(v, off, f, 0, n);
        return new FloatProcessor(nx, ny, f);
    }

    /**
     * The current image as a float volume (first channel; all slices and frames). The affine comes from
     * the image property when present, else from the calibration (axis-aligned, origin at voxel 0).
     */
    public static Volume toVolume(ImagePlus imp) {
        int nx = imp.getWidth(), ny = imp.getHeight(), nz = imp.getNSlices(), nt = imp.getNFrames();
        float[] data = new float[nx * ny * nz * nt];
        int plane = nx * ny;
        for (int t = 0; t < nt; t++) {
            for (int z = 0; z < nz; z++) {
                ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(1, z + 1, t + 1));
                for (int i = 0; i < plane; i++) {
                    data[(t * nz + z) * plane + i] = ip.getf(i);
                }
            }
        }
        long[] dims = nt > 1 ? new long[] {nx, ny, nz, nt} : new long[] {nx, ny, nz};
        return Volume.ofFloats(data, dims, affineOf(imp));
    }

    static Affine affineOf(ImagePlus imp) {
        Object prop = imp.getProperty(AFFINE_PROPERTY);
        if (prop instanceof String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length == 12) {
                double[][] rows = new double[3][4];
                for (int k = 0; k < 12; k++) {
                    rows[k / 4][k % 4] = Double.parseDouble(parts[k]);
                }
                return Affine.fromRows(rows);
            }
        }
        Calibration c = imp.getCalibration();
        return Affine.scaling(c.pixelWidth, c.pixelHeight, c.pixelDepth);
    }

    static String affineText(Affine a) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                s.append(String.format(Locale.ROOT, "%.17g ", a.get(r, c)));
            }
        }
        return s.toString().trim();
    }
}
