package org.neurocurate.learn.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How scans become training grids: RAS orientation, resampling to {@code spacingMm}, centred crop
 * or pad to {@code grid}, then robust intensity normalisation (see {@link IntensityNormaliser}).
 *
 * @param grid training grid (x, y, z) in voxels; default 80 × 96 × 80
 * @param spacingMm isotropic grid spacing (mm); default 2
 * @param lowPercentile percentile (0–100) inside the head mapped to 0; default 0.5
 * @param highPercentile percentile (0–100) inside the head mapped to 1; default 99.5
 */
public record PreprocessSettings(int[] grid, double spacingMm, double lowPercentile, double highPercentile) {

    /** Bumped whenever the preprocessing code changes what it writes, so old cache entries are not reused. */
    public static final int VERSION = 1;

    public PreprocessSettings {
        if (grid.length != 3 || Arrays.stream(grid).anyMatch(g -> g < 4)) {
            throw new IllegalArgumentException("grid needs 3 sizes >= 4, got " + Arrays.toString(grid));
        }
        if (!(spacingMm > 0) || !(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("need spacing > 0 and 0 <= low < high <= 100 percentiles");
        }
        grid = grid.clone();
    }

    public static PreprocessSettings defaults() {
        return new PreprocessSettings(new int[] {80, 96, 80}, 2.0, 0.5, 99.5);
    }

    @Override
    public int[] grid() {
        return grid.clone();
    }

    /** A short, stable description for model.json. */
    public String describe() {
        return String.format(Locale.ROOT, "RAS, %.3g mm, grid %dx%dx%d, robust percentiles %.3g-%.3g inside "
                + "the Otsu head mask mapped to 0-1, clipped to [%.1f, %.1f]", spacingMm, grid[0], grid[1], grid[2],
                lowPercentile, highPercentile, IntensityNormaliser.CLIP_LOW, IntensityNormaliser.CLIP_HIGH);
    }

    /** SHA-256 (hex) of the settings and {@link #VERSION}: part of every cache key. */
    public String hash() {
        String canonical = "v" + VERSION + "|" + describe();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessSettings p && Arrays.equals(p.grid, grid) && p.spacingMm == spacingMm
                && p.lowPercentile == lowPercentile && p.highPercentile == highPercentile;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grid) + 31 * Double.hashCode(spacingMm + 7 * lowPercentile + 13 * highPercentile);
    }
}
