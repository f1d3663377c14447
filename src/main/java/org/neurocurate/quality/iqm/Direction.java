package org.neurocurate.quality.iqm;

/** Which way an IQM moves when image quality improves, as MRIQC documents each measure. */
public enum Direction {
    /** Larger values mean a better image (snr, cnr, fber). */
    HIGHER_IS_BETTER,
    /** Smaller values mean a better image (cjv, efc, qi_1, qi_2, rpve, fwhm). */
    LOWER_IS_BETTER,
    /** Values should sit near a target or in a normative range (inu near 1, wm2max in [0.6, 0.8], icvs). */
    TARGET_RANGE,
    /** Descriptive only: no better or worse (size, spacing, summary statistics). */
    DESCRIPTIVE
}
