package org.neurocurate.quality.masks;

/**
 * Masks of the head and of the air around it, from the image alone (no templates).
 *
 * @param head      the head (scalp and everything inside it)
 * @param rotation  zero padding: voxels ≤ 0 connected to the grid border (reslicing, defacing),
 *                  opened with the 18-neighbourhood, empty when under 500 voxels (as MRIQC's RotationMask)
 * @param hat       air above the nasion–inion plane, outside head and rotation masks
 * @param artifacts Mortamet's artifact voxels in the hat
 * @param air       the hat without artifacts: MRIQC's air mask for the IQMs
 */
public record BackgroundMasks(boolean[] head, boolean[] rotation, boolean[] hat, boolean[] artifacts, boolean[] air) {
}
