package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

class IqmCaseReaderTest {

    @Test
    void caseWrittenAsNiftiGivesTheSameIqmsAsTheArrays(@TempDir Path dir) throws IOException {
        IqmInputs in = new IqmPhantom(20, 8, 0.2, 3).inputs();
        IqmPhantom.writeCase(in, dir);
        IqmCalculator calc = IqmCalculator.withAllFeatures();
        Map<String, Double> fromFiles = calc.compute(IqmCaseReader.read(dir), ProgressListener.NONE);
        assertEquals(calc.compute(in, ProgressListener.NONE), fromFiles, "float32 NIfTI round trip is lossless");
    }

    @Test
    void imageStoredAsOneVolumeOfASeriesIsReadAsThreeD(@TempDir Path dir) throws IOException {
        IqmInputs in = new IqmPhantom(12, 5, 0.2, 3).inputs();
        IqmPhantom.writeCase(in, dir);
        Volume image = NiftiReader.read(dir.resolve("image.nii.gz"));
        long[] d = image.dimensions();
        NiftiWriter.write(Volume.ofFloats(image.toFloatArray(), new long[] {d[0], d[1], d[2], 1}, image.voxelToWorld()),
                dir.resolve("image.nii.gz"));
        assertEquals(4, NiftiReader.read(dir.resolve("image.nii.gz")).numDimensions());
        IqmCalculator calc = IqmCalculator.withAllFeatures();
        assertEquals(calc.compute(in, ProgressListener.NONE), calc.compute(IqmCaseReader.read(dir), ProgressListener.NONE));
    }

    @Test
    void missingFileIsNamedWithTheReason(@TempDir Path dir) throws IOException {
        IqmPhantom.writeCase(new IqmPhantom(12, 5, 0, 3).inputs(), dir);
        Files.delete(dir.resolve("bias.nii.gz"));
        IqmInputException e = assertThrows(IqmInputException.class, () -> IqmCaseReader.read(dir));
        assertTrue(e.getMessage().contains("bias.nii.gz") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void mapOnAnotherGridIsRefused(@TempDir Path dir) throws IOException {
        IqmPhantom.writeCase(new IqmPhantom(12, 5, 0, 3).inputs(), dir);
        IqmInputs other = new IqmPhantom(10, 5, 0, 3).inputs();
        IqmPhantom.write(other, other.pvms()[1], dir.resolve("pvm_gm.nii.gz"));
        IqmInputException e = assertThrows(IqmInputException.class, () -> IqmCaseReader.read(dir));
        assertTrue(e.getMessage().contains("pvm_gm.nii.gz") && e.getMessage().contains("differs"), e.getMessage());
    }

    @Test
    void withoutTemplatesAndSmoothnessThoseIqmsAreUndefined(@TempDir Path dir) throws IOException {
        IqmPhantom.writeCase(new IqmPhantom(12, 5, 0, 3).inputs(), dir);
        for (String t : new String[] {"csf", "gm", "wm"}) {
            Files.delete(dir.resolve("tpm_" + t + ".nii.gz"));
        }
        Files.delete(dir.resolve("fwhm_mm.json"));
        Map<String, Double> iqms = IqmCalculator.withAllFeatures().compute(IqmCaseReader.read(dir), ProgressListener.NONE);
        assertTrue(Double.isNaN(iqms.get("tpm_overlap_gm")) && Double.isNaN(iqms.get("fwhm_avg")));
        assertEquals(12, iqms.get("size_x"), 0);
    }

    @Test
    void malformedSmoothnessFileIsRefused(@TempDir Path dir) throws IOException {
        IqmPhantom.writeCase(new IqmPhantom(12, 5, 0, 3).inputs(), dir);
        Files.writeString(dir.resolve("fwhm_mm.json"), "{\"x\": 1}");
        IqmInputException e = assertThrows(IqmInputException.class, () -> IqmCaseReader.read(dir));
        assertTrue(e.getMessage().contains("fwhm_mm.json"), e.getMessage());
    }
}
