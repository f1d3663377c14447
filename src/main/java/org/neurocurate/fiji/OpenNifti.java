package org.neurocurate.fiji;

import java.nio.file.Path;

import ij.ImagePlus;

import org.neurocurate.io.nifti.NiftiException;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.volume.Reorient;
import org.neurocurate.volume.Volume;

/** What both Fiji faces of "Open NIfTI" do, defined once. */
final class OpenNifti {

    /** Default of the "reorient to RAS" option in every face: show the file's own voxel order. */
    static final boolean DEFAULT_REORIENT = false;

    private OpenNifti() {
    }

    static ImagePlus open(Path file, boolean reorientToRas) throws NiftiException {
        Volume v = NiftiReader.read(file);
        if (reorientToRas) {
            v = Reorient.toClosestCanonical(v);
        }
        String name = file.getFileName().toString().replaceAll("(?i)\\.(nii(\\.gz)?|hdr|img(\\.gz)?)$", "");
        return ImagePlusBridge.toImagePlus(v, name);
    }
}
