package org.neurocurate.io.nifti;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.neurocurate.volume.Volume;
import org.neurocurate.volume.VolumeStatistics;

/**
 * What {@code neurocurate info} reports about a NIfTI file: header fields, the affine nibabel would
 * give, statistics over the scaled finite values, and the values at chosen voxels.
 */
public final class NiftiSummary {

    private NiftiSummary() {
    }

    /**
     * Reads the file and summarises it as an ordered map (the JSON object of {@code info --json}).
     *
     * @param voxels voxel indices (i, j, k) in the file's index order; the first volume of a 4D image
     */
    public static Map<String, Object> of(Path file, List<long[]> voxels) throws NiftiException {
        Volume volume = NiftiReader.read(file);
        NiftiHeader h = (NiftiHeader) volume.header().orElseThrow();
        VolumeStatistics s = VolumeStatistics.of(volume.image());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("version", h.version());
        out.put("dim", h.shape());
        out.put("pixdim", h.zooms());
        out.put("datatype", h.datatypeCode());
        out.put("bitpix", h.bitpix());
        out.put("scl_slope", volume.slope());
        out.put("scl_inter", volume.inter());
        out.put("qform_code", h.qformCode());
        out.put("sform_code", h.sformCode());
        out.put("affine", volume.voxelToWorld().toRows());
        out.put("xyzt_units", h.xyztUnits());
        out.put("intent_code", h.intentCode());
        out.put("descrip", h.descrip());
        out.put("n_nonfinite", s.nonFinite());
        out.put("min", s.min());
        out.put("max", s.max());
        out.put("mean", s.mean());
        out.put("std", s.std());
        out.put("values", values(file, volume.image(), voxels));
        return out;
    }

    private static List<Double> values(Path file, RandomAccessibleInterval<? extends RealType<?>> img, List<long[]> voxels)
            throws NiftiException {
        List<Double> out = new ArrayList<>();
        RandomAccess<? extends RealType<?>> ra = img.randomAccess();
        long[] pos = new long[img.numDimensions()];
        for (long[] v : voxels) {
            for (int d = 0; d < pos.length; d++) {
                long p = d < v.length ? v[d] : 0;
                if (p < 0 || p >= img.dimension(d)) {
                    throw new NiftiException(file, "voxel " + java.util.Arrays.toString(v) + " is outside the image "
                            + java.util.Arrays.toString(img.dimensionsAsLongArray()));
                }
                pos[d] = p;
            }
            ra.setPosition(pos);
            out.add(ra.get().getRealDouble());
        }
        return out;
    }
}
