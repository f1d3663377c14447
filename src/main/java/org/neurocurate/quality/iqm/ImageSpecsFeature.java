package org.neurocurate.quality.iqm;

import java.util.List;

/** {@code size_x/y/z} (voxels) and {@code spacing_x/y/z} (mm, the header's voxel size), as MRIQC reports them. Descriptive. */
public final class ImageSpecsFeature implements IqmFeature {

    private static final String[] AXES = {"x", "y", "z"};

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(
                new IqmDefinition("size_x", Direction.DESCRIPTIVE, "grid size along i (voxels)", true),
                new IqmDefinition("size_y", Direction.DESCRIPTIVE, "grid size along j (voxels)", true),
                new IqmDefinition("size_z", Direction.DESCRIPTIVE, "grid size along k (voxels)", true),
                IqmDefinition.of("spacing_x", Direction.DESCRIPTIVE, "voxel size along i (mm)"),
                IqmDefinition.of("spacing_y", Direction.DESCRIPTIVE, "voxel size along j (mm)"),
                IqmDefinition.of("spacing_z", Direction.DESCRIPTIVE, "voxel size along k (mm)"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        for (int a = 0; a < 3; a++) {
            out.put("size_" + AXES[a], context.inputs().dims()[a]);
        }
        for (int a = 0; a < 3; a++) {
            out.put("spacing_" + AXES[a], context.inputs().spacing()[a]);
        }
    }
}
