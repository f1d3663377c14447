package org.neurocurate.fiji;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;

import org.neurocurate.io.nifti.NiftiException;

/**
 * ImageJ 1 entry "NeuroCurate Open NIfTI" for macros:
 * {@code run("NeuroCurate Open NIfTI", "path=[/data/sub-01_T1w.nii.gz] reorient_to_ras");}
 */
public class OpenNiftiPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        MacroOptions options = MacroOptions.current();
        String path = options.get("path", null);
        if (path == null && !MacroOptions.headless()) {
            OpenDialog od = new OpenDialog("Open NIfTI");
            if (od.getFileName() == null) {
                return;
            }
            path = od.getPath();
        }
        if (path == null) {
            IJ.error("NeuroCurate Open NIfTI", "no path= given");
            return;
        }
        boolean ras = options.flag("reorient_to_ras", OpenNifti.DEFAULT_REORIENT);
        try {
            ImagePlus imp = OpenNifti.open(Path.of(path), ras);
            options.record("path", path);
            imp.show();
        } catch (NiftiException e) {
            IJ.error("NeuroCurate Open NIfTI", e.getMessage());
        }
    }
}
