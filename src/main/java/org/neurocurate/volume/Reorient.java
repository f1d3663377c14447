package org.neurocurate.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Reorientation to the closest canonical RAS+ orientation, as nibabel's {@code as_closest_canonical}:
 * voxel axes are flipped and permuted (no interpolation) so that i runs left→right, j posterior→
 * anterior and k inferior→superior as nearly as the affine allows; the affine is updated so every
 * voxel keeps its world position. Axes beyond the third (time, channels) are untouched.
 */
public final class Reorient {

    private Reorient() {
    }

    /** The volume in closest canonical orientation; the same object when it already is. */
    public static Volume toClosestCanonical(Volume volume) {
        Orientation o = Orientation.of(volume.voxelToWorld());
        if (o.isCanonical()) {
            return volume;
        }
        long[] dims = volume.dimensions();
        RandomAccessibleInterval<? extends RealType<?>> view = volume.storedImage();
        // old index along voxel axis `in` = flip > 0 ? new index : n - 1 - new index, on output axis worldAxis[in]
        for (int in = 0; in < 3; in++) {
            if (o.flip()[in] < 0) {
                view = Views.zeroMin(Views.invertAxis(view, in));
            }
        }
        int[] order = new int[3]; // order[out] = input axis that becomes output axis `out`
        for (int in = 0; in < 3; in++) {
            order[o.worldAxis()[in]] = in;
        }
        view = permute(view, order);
        double[][] m = new double[4][4];
        for (int in = 0; in < 3; in++) {
            int out = o.worldAxis()[in];
            m[in][out] = o.flip()[in];
            m[in][3] = o.flip()[in] < 0 ? dims[in] - 1 : 0;
        }
        m[3][3] = 1;
        Affine affine = volume.voxelToWorld().compose(Affine.fromRows(m));
        double[] spacing = volume.spacing();
        double[] newSpacing = {spacing[order[0]], spacing[order[1]], spacing[order[2]]};
        return Volume.of(materialize(view), volume.slope(), volume.inter(), affine, newSpacing,
                volume.header().orElse(null));
    }

    /** Puts input axis order[out] at position out, for the first three axes. */
    private static RandomAccessibleInterval<? extends RealType<?>> permute(RandomAccessibleInterval<? extends RealType<?>> view,
            int[] order) {
        int[] current = {0, 1, 2}; // current[pos] = original axis now at pos
        RandomAccessibleInterval<? extends RealType<?>> v = view;
        for (int out = 0; out < 3; out++) {
            int pos = out;
            while (current[pos] != order[out]) {
                pos++;
            }
            if (pos != out) {
                v = Views.permute(v, out, pos);
                int t = current[out];
                current[out] = current[pos];
                current[pos] = t;
            }
        }
        return v;
    }

    /** Copies a view into a new ArrayImg of the same pixel type, in flat order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static RandomAccessibleInterval<? extends RealType<?>> materialize(RandomAccessibleInterval<? extends RealType<?>> view) {
        return copy((RandomAccessibleInterval) view);
    }

    private static <T extends NativeType<T> & RealType<T>> Img<T> copy(RandomAccessibleInterval<T> view) {
        T type = Util.getTypeFromInterval(view).createVariable();
        Img<T> out = new ArrayImgFactory<>(type).create(view.dimensionsAsLongArray());
        LoopBuilder.setImages(Views.zeroMin(view), out).forEachPixel((a, b) -> b.set(a));
        return out;
    }
}
