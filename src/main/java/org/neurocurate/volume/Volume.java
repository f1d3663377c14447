package org.neurocurate.volume;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * A 3D (or 4D) image in scanner space: an imglib2 image, its voxel-to-world affine (mm), its voxel
 * spacing (mm) and, when it was read from a file, the header it came from.
 *
 * <p>Axes of the image are the file's index axes (i, j, k[, t]), i fastest. Values are stored in
 * the file's own type; the real value of a voxel is {@code stored · slope + inter} (NIfTI
 * {@code scl_slope}/{@code scl_inter}), and {@link #image()} gives that scaled view lazily so a large
 * int16 scan is not widened in memory. Hot loops use {@link #toFloatArray()} instead of cursors.
 */
public final class Volume {

    private final RandomAccessibleInterval<? extends RealType<?>> stored;
    private final double slope;
    private final double inter;
    private final Affine voxelToWorld;
    private final double[] spacing;
    private final SourceHeader header;

    private Volume(RandomAccessibleInterval<? extends RealType<?>> stored, double slope, double inter,
            Affine voxelToWorld, double[] spacing, SourceHeader header) {
        this.stored = Objects.requireNonNull(stored, "image");
        if (stored.numDimensions() < 1) {
            throw new IllegalArgumentException("a volume needs at least one dimension");
        }
        if (!(Double.isFinite(slope) && slope != 0 && Double.isFinite(inter))) {
            throw new IllegalArgumentException("scaling must be finite with a non-zero slope: " + slope + ", " + inter);
        }
        this.slope = slope;
        this.inter = inter;
        this.voxelToWorld = Objects.requireNonNull(voxelToWorld, "voxelToWorld");
        if (spacing.length < 3) {
            throw new IllegalArgumentException("spacing needs 3 values (mm), got " + spacing.length);
        }
        this.spacing = spacing.clone();
        this.header = header;
    }

    /** A volume with stored values, scaling, affine, spacing and the source header (may be null). */
    public static Volume of(RandomAccessibleInterval<? extends RealType<?>> stored, double slope, double inter,
            Affine voxelToWorld, double[] spacing, SourceHeader header) {
        return new Volume(stored, slope, inter, voxelToWorld, spacing, header);
    }

    /** An unscaled volume without a source header; spacing is taken from the affine's column norms. */
    public static Volume of(RandomAccessibleInterval<? extends RealType<?>> image, Affine voxelToWorld) {
        return new Volume(image, 1, 0, voxelToWorld, voxelToWorld.columnNorms(), null);
    }

    /**
     * Wraps a flat float array (i fastest) without copying; spacing from the affine's column norms.
     *
     * @param dims sizes along i, j, k (and t); their product must equal {@code data.length}
     */
    public static Volume ofFloats(float[] data, long[] dims, Affine voxelToWorld) {
        if (Intervals.numElements(dims) != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " do not match " + data.length + " values");
        }
        return of(ArrayImgs.floats(data, dims), voxelToWorld);
    }

    /** The real (scaled) voxel values; a lazy view over the stored image when scaling applies. */
    public RandomAccessibleInterval<? extends RealType<?>> image() {
        if (!isScaled()) {
            return stored;
        }
        return scaledView(stored, slope, inter);
    }

    private static <T extends RealType<?>> RandomAccessibleInterval<DoubleType> scaledView(
            RandomAccessibleInterval<T> in, double slope, double inter) {
        return Converters.convert(in, (a, b) -> b.set(a.getRealDouble() * slope + inter), new DoubleType());
    }

    /** The stored image, in the file's own pixel type, before scaling. */
    public RandomAccessibleInterval<? extends RealType<?>> storedImage() {
        return stored;
    }

    /** True when stored values need {@code slope}/{@code inter} to become real values. */
    public boolean isScaled() {
        return slope != 1 || inter != 0;
    }

    public double slope() {
        return slope;
    }

    public double inter() {
        return inter;
    }

    /** Voxel (i, j, k) to world (x, y, z) in mm. */
    public Affine voxelToWorld() {
        return voxelToWorld;
    }

    /** Voxel size in mm along i, j, k. */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Sizes along every axis. */
    public long[] dimensions() {
        return stored.dimensionsAsLongArray();
    }

    public int numDimensions() {
        return stored.numDimensions();
    }

    /** The header of the file this volume was read from, if any. */
    public Optional<SourceHeader> header() {
        return Optional.ofNullable(header);
    }

    /** The same geometry and header with other values (unscaled); dims may differ only for derived grids. */
    public Volume withImage(RandomAccessibleInterval<? extends RealType<?>> image) {
        return new Volume(image, 1, 0, voxelToWorld, spacing, header);
    }

    /**
     * This volume without its axes of size 1 beyond the third: a 3D scan stored with dim[0] = 4 and one
     * volume (as some converters and tools write it) as the 3D volume it is; the same values, scaling,
     * geometry and header. This volume itself when it has no such axis.
     */
    public Volume withoutTrailingSingletons() {
        RandomAccessibleInterval<? extends RealType<?>> image = withoutTrailingSingletons(stored);
        return image == stored ? this : new Volume(image, slope, inter, voxelToWorld, spacing, header);
    }

    private static <T> RandomAccessibleInterval<T> withoutTrailingSingletons(RandomAccessibleInterval<T> image) {
        RandomAccessibleInterval<T> out = image;
        for (int d = out.numDimensions() - 1; d >= 3 && out.dimension(d) == 1; d--) {
            out = Views.hyperSlice(out, d, out.min(d));
        }
        return out;
    }

    /**
     * All real values as a new flat float array, i fastest (all volumes of a 4D image, in order).
     * Reads the stored primitive array directly when the image is an {@link ArrayImg}.
     */
    public float[] toFloatArray() {
        long n = Intervals.numElements(stored);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("volume has " + n + " voxels, too many for one array");
        }
        float[] out = new float[(int) n];
        if (!copyFromArray(out)) {
            int k = 0;
            for (RealType<?> v : Views.flatIterable(image())) {
                out[k++] = v.getRealFloat();
            }
        }
        return out;
    }

    /** All real values as a new flat double array, i fastest. */
    public double[] toDoubleArray() {
        long n = Intervals.numElements(stored);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("volume has " + n + " voxels, too many for one array");
        }
        double[] out = new double[(int) n];
        int k = 0;
        for (RealType<?> v : Views.flatIterable(stored)) {
            out[k++] = v.getRealDouble() * slope + inter;
        }
        return out;
    }

    /** Fast path: unscaled float ArrayImg copied with arraycopy. */
    private boolean copyFromArray(float[] out) {
        if (isScaled() || !(stored instanceof ArrayImg<?, ?> img) || !(img.firstElement() instanceof FloatType)) {
            return false;
        }
        Object data = ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
        System.arraycopy((float[]) data, 0, out, 0, out.length);
        return true;
    }

    @Override
    public String toString() {
        return "Volume" + Arrays.toString(dimensions()) + " spacing " + Arrays.toString(spacing) + " mm";
    }
}
