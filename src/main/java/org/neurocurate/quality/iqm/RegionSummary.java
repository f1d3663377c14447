package org.neurocurate.quality.iqm;

/**
 * MRIQC's {@code summary_stats} for one region, each value rounded to 4 decimals except {@code n}.
 *
 * @param mean   weighted mean of the image rounded to integers, weights = map rounded to 3 decimals
 * @param median weighted median (SAS definition 5 on tie-aggregated values)
 * @param p95    weighted 95th percentile, same definition
 * @param p05    weighted 5th percentile, same definition
 * @param k      excess kurtosis (Fisher, biased) of the unrounded image where map &gt; 0.5·max(map)
 * @param stdv   weighted standard deviation (ddof 0)
 * @param mad    normalised MAD of the same thresholded voxels around the weighted median: median|x − m| / 0.6745
 * @param n      sum of the (unrounded) map: the region's voxel count in partial-volume units
 */
public record RegionSummary(double mean, double median, double p95, double p05, double k, double stdv,
        double mad, double n) {
}
