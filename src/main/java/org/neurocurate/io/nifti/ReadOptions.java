package org.neurocurate.io.nifti;

/**
 * How strictly to read.
 *
 * @param rejectNonFinite refuse images with NaN or infinite voxels (after scaling), instead of keeping them
 * @param maxBytes        the largest voxel payload to allocate, in bytes (the heap is a further limit)
 */
public record ReadOptions(boolean rejectNonFinite, long maxBytes) {

    /** nibabel's behaviour: non-finite voxels are kept; only the heap limits the size. */
    public static final ReadOptions DEFAULT = new ReadOptions(false, Long.MAX_VALUE);

    /** For pipelines that cannot use non-finite voxels: such an image is refused with its count. */
    public static final ReadOptions STRICT = new ReadOptions(true, Long.MAX_VALUE);

    public ReadOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
