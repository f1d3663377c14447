package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code fwhm_x/y/z/avg}: smoothness in voxels (MRIQC StructuralQC: AFNI {@code 3dFWHMx} estimates in
 * mm divided by the voxel size; Forman et al., MRM 33(5):636–647, 1995); avg is the mean of the three.
 * The mm estimates are an input here (level a). NaN when no estimate was given. Lower is better.
 */
public final class FwhmFeature implements IqmFeature {

    private static final String[] AXES = {"x", "y", "z"};

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(
                IqmDefinition.of("fwhm_avg", Direction.LOWER_IS_BETTER, "mean of fwhm_x, fwhm_y, fwhm_z"),
                IqmDefinition.of("fwhm_x", Direction.LOWER_IS_BETTER, "FWHM along x (mm) / spacing_x"),
                IqmDefinition.of("fwhm_y", Direction.LOWER_IS_BETTER, "FWHM along y (mm) / spacing_y"),
                IqmDefinition.of("fwhm_z", Direction.LOWER_IS_BETTER, "FWHM along z (mm) / spacing_z"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        double[] mm = context.inputs().fwhmMm();
        double[] spacing = context.inputs().spacing();
        double sum = 0;
        double[] voxels = new double[3];
        for (int a = 0; a < 3; a++) {
            voxels[a] = mm == null ? Double.NaN : mm[a] / spacing[a];
            sum += voxels[a];
        }
        out.put("fwhm_avg", sum / 3);
        for (int a = 0; a < 3; a++) {
            out.put("fwhm_" + AXES[a], voxels[a]);
        }
    }
}
