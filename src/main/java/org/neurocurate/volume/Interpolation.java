package org.neurocurate.volume;

/** How values between voxel centres are estimated when resampling. */
public enum Interpolation {
    /** Trilinear: for intensities. */
    LINEAR,
    /** Nearest neighbour: for label maps and masks, which must keep their values. */
    NEAREST
}
