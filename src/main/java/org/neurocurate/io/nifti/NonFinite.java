package org.neurocurate.io.nifti;

import java.nio.file.Path;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Detection of NaN and infinite voxels, for strict reading. */
final class NonFinite {

    private NonFinite() {
    }

    /** Throws naming the count and the first position when any stored value is NaN or infinite. */
    static void reject(Path file, RandomAccessibleInterval<? extends RealType<?>> img) throws NiftiException {
        long count = 0;
        long[] first = null;
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).localizingCursor();
        while (c.hasNext()) {
            if (!Double.isFinite(c.next().getRealDouble())) {
                if (first == null) {
                    first = c.positionAsLongArray();
                }
                count++;
            }
        }
        if (count > 0) {
            throw new NiftiException(file, count + " non-finite voxel value(s) (NaN or Inf), the first at "
                    + java.util.Arrays.toString(first));
        }
    }
}
