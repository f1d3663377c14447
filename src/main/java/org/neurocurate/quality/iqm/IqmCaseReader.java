package org.neurocurate.quality.iqm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.volume.Volume;

/**
 * Reads a level (a) case folder laid out like {@code ../shared/data/iqm-reference/<case>/}:
 * {@code image, segm, pvm_csf, pvm_gm, pvm_wm, head_mask, air_mask, art_mask, rot_mask, bias} (all
 * {@code .nii.gz}, required, same grid), {@code tpm_csf/gm/wm.nii.gz} (optional: without them
 * tpm_overlap_* are undefined) and {@code fwhm_mm.json} ([x, y, z] in mm; optional likewise).
 *
 * <p>NIfTI scaling is applied. As MRIQC casts masks and labels to uint8, a mask voxel is set when
 * its value is at least 1 and labels are truncated to integers. Spacing is the image header's voxel size.
 */
public final class IqmCaseReader {

    private static final String[] TISSUES = {"csf", "gm", "wm"};

    private IqmCaseReader() {
    }

    public static IqmInputs read(Path caseDir) throws IOException {
        if (!Files.isDirectory(caseDir)) {
            throw new IqmInputException(caseDir, "not a folder");
        }
        // a 3D image stored as 4D with one volume is read as 3D (so are the maps below)
        Volume image = NiftiReader.read(require(caseDir, "image.nii.gz")).withoutTrailingSingletons();
        long[] dims = image.dimensions();
        if (dims.length != 3) {
            throw new IqmInputException(caseDir.resolve("image.nii.gz"), "expected a 3D image, got dims " + Arrays.toString(dims));
        }
        Grid grid = new Grid(caseDir, dims);
        float[] segmValues = grid.floats("segm.nii.gz");
        byte[] segm = new byte[segmValues.length];
        for (int i = 0; i < segm.length; i++) {
            segm[i] = (byte) (int) segmValues[i];
        }
        float[][] pvms = new float[3][];
        for (int k = 0; k < 3; k++) {
            pvms[k] = grid.floats("pvm_" + TISSUES[k] + ".nii.gz");
        }
        float[][] tpms = null;
        if (Files.exists(caseDir.resolve("tpm_csf.nii.gz"))) {
            tpms = new float[3][];
            for (int k = 0; k < 3; k++) {
                tpms[k] = grid.floats("tpm_" + TISSUES[k] + ".nii.gz");
            }
        }
        int[] intDims = {(int) dims[0], (int) dims[1], (int) dims[2]};
        return new IqmInputs(intDims, image.spacing(), image.toFloatArray(), segm, pvms,
                grid.mask("head_mask.nii.gz"), grid.mask("air_mask.nii.gz"), grid.mask("art_mask.nii.gz"),
                grid.mask("rot_mask.nii.gz"), grid.floats("bias.nii.gz"), tpms, fwhm(caseDir.resolve("fwhm_mm.json")));
    }

    private static Path require(Path dir, String name) throws IqmInputException {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IqmInputException(p, "missing (an IQM case folder needs " + name + ")");
        }
        return p;
    }

    private static double[] fwhm(Path file) throws IqmInputException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonArray a = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
            if (a.size() < 3) {
                throw new IqmInputException(file, "needs [x, y, z] in mm, got " + a.size() + " values");
            }
            return new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble()};
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IqmInputException(file, "not a JSON array of three numbers (" + e.getMessage() + ")", e);
        }
    }

    /** Reads further files of the case and checks they lie on the image grid. */
    private record Grid(Path dir, long[] dims) {

        float[] floats(String name) throws IOException {
            Path p = require(dir, name);
            Volume v = NiftiReader.read(p).withoutTrailingSingletons();
            if (!Arrays.equals(v.dimensions(), dims)) {
                throw new IqmInputException(p, "grid " + Arrays.toString(v.dimensions())
                        + " differs from image.nii.gz " + Arrays.toString(dims));
            }
            return v.toFloatArray();
        }

        boolean[] mask(String name) throws IOException {
            float[] values = floats(name);
            boolean[] out = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] >= 1;
            }
            return out;
        }
    }
}
