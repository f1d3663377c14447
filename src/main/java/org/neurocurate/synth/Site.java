package org.neurocurate.synth;

import java.util.List;

/**
 * A simulated scanner site: what makes its images differ from other sites'.
 *
 * @param id site label in participants.tsv, e.g. "site01"
 * @param manufacturer as DICOM/dcm2niix write it ("Siemens", "GE", "Philips")
 * @param model ManufacturersModelName
 * @param fieldTesla main field strength, T (1.5 or 3)
 * @param intensityScale stored value of fully relaxed CSF signal (arbitrary scanner units)
 * @param noiseFraction Rician σ as a fraction of the image's 99th-percentile intensity
 * @param biasSeverity severity of the site's own bias field (see {@code artifact.BiasField})
 * @param spacingFactors voxel size along i, j, k as multiples of the cohort grid (e.g. 1, 1, 3)
 * @param deface whether the site defaces its images
 * @param skullStrip whether the site shares skull-stripped images
 * @param protocolTweak factor on TR/TI/TE of the site's protocols (site-specific contrast)
 */
public record Site(String id, String manufacturer, String model, double fieldTesla, double intensityScale,
        double noiseFraction, double biasSeverity, List<Double> spacingFactors, boolean deface, boolean skullStrip,
        double protocolTweak) {

    public Site {
        spacingFactors = List.copyOf(spacingFactors);
        if (spacingFactors.size() != 3 || spacingFactors.stream().anyMatch(f -> !(f > 0))) {
            throw new IllegalArgumentException("site spacing factors need 3 positive values: " + spacingFactors);
        }
        if (!(fieldTesla > 0 && intensityScale > 0 && noiseFraction >= 0 && biasSeverity >= 0 && biasSeverity <= 1)) {
            throw new IllegalArgumentException("invalid site " + id);
        }
    }

    /** Voxel size (mm) along i, j, k for a cohort grid of {@code gridMm}. */
    public double[] spacingMm(double gridMm) {
        return new double[] {gridMm * spacingFactors.get(0), gridMm * spacingFactors.get(1), gridMm * spacingFactors.get(2)};
    }

    /** True when the voxels are not cubic. */
    public boolean anisotropic() {
        return !(spacingFactors.get(0).equals(spacingFactors.get(1)) && spacingFactors.get(1).equals(spacingFactors.get(2)));
    }
}
