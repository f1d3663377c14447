package org.neurocurate.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Summary statistics of the real (scaled) values of a volume over its finite voxels, in float64.
 *
 * @param count     number of finite voxels
 * @param nonFinite number of NaN or infinite voxels (excluded from the rest)
 * @param min       smallest finite value (NaN when there is none)
 * @param max       largest finite value (NaN when there is none)
 * @param mean      arithmetic mean
 * @param std       population standard deviation, √(Σ(x − mean)² / n), computed in a second pass
 * @param sum       sum of the finite values
 */
public record VolumeStatistics(long count, long nonFinite, double min, double max, double mean, double std, double sum) {

    /** Two passes over the image: sum, min and max, then squared deviations from the mean. */
    public static VolumeStatistics of(RandomAccessibleInterval<? extends RealType<?>> image) {
        long n = 0;
        long bad = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double compensation = 0; // Kahan summation: 1e-6 relative accuracy on 10^7+ voxels needs it
        for (RealType<?> t : Views.flatIterable(image)) {
            double v = t.getRealDouble();
            if (!Double.isFinite(v)) {
                bad++;
                continue;
            }
            n++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            double y = v - compensation;
            double s = sum + y;
            compensation = (s - sum) - y;
            sum = s;
        }
        if (n == 0) {
            return new VolumeStatistics(0, bad, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (RealType<?> t : Views.flatIterable(image)) {
            double v = t.getRealDouble();
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new VolumeStatistics(n, bad, min, max, mean, Math.sqrt(ss / n), sum);
    }
}
