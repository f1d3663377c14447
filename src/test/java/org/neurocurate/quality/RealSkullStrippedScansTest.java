package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neurocurate.SharedData;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

/**
 * Real images of ../shared/data/nifti (see its README): the FLAIR and the MNI152 2009 template are
 * skull-stripped (zero outside the brain and its CSF), avg152T1 is an average of intact heads. Before
 * the zero test left the head's one-voxel shell out, the FLAIR went unflagged (97.25 % of the air
 * outside its head mask was zero; 99.89 % beyond the shell), and the skull peel cut 0.25 of its 1.07
 * litres and 0.36 of the template's 1.83.
 */
class RealSkullStrippedScansTest {

    @Test
    void strippedImagesAreFlaggedAndKeepTheirWholeMask() throws IOException, NoBrainException {
        Path dir = SharedData.require("nifti");
        for (String name : new String[] {"FLAIR.nii.gz", "MNI152_2009_template.nii.gz"}) {
            Volume scan = NiftiReader.read(dir.resolve(name));
            QcResult r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
            assertTrue(r.anonymisation().skullStripped(), name + " is flagged skull-stripped");
            assertFalse(r.anonymisation().defaced(), name + " is not flagged defaced");
            float[] image = scan.toFloatArray();
            long nonzero = 0;
            long nonzeroInMask = 0;
            long mask = 0;
            for (int i = 0; i < image.length; i++) {
                nonzero += image[i] > 0 ? 1 : 0;
                nonzeroInMask += image[i] > 0 && r.brain()[i] ? 1 : 0;
                mask += r.brain()[i] ? 1 : 0;
            }
            assertTrue(nonzeroInMask >= 0.999 * nonzero, name + ": " + nonzeroInMask + " of " + nonzero
                    + " nonzero voxels in the brain mask");
            assertTrue(mask <= 1.01 * nonzero, name + ": brain mask " + mask + " voxels, " + nonzero + " nonzero");
        }
    }

    @Test
    void anAverageOfIntactHeadsIsNotFlagged() throws IOException, NoBrainException {
        Volume scan = NiftiReader.read(SharedData.require("nifti").resolve("avg152T1_RL_nifti.nii.gz"));
        QcResult r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
        assertFalse(r.anonymisation().skullStripped() || r.anonymisation().defaced(), "avg152T1 is not flagged");
    }
}
