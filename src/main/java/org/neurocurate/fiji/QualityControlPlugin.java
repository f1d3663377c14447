package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import org.neurocurate.quality.batch.QcGroup;

/**
 * ImageJ 1 entry "NeuroCurate Quality Control" for macros. With {@code input=[file or folder]
 * output=[folder]} it assesses files; without input, the current image ({@code show_masks} opens its
 * masks). Fills the Results table: bids_name, IQMs, flags, tier, tier_prob, tier_reason, qc_error.
 */
public class QualityControlPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        MacroOptions o = MacroOptions.current();
        String input = o.get("input", null);
        String modality = o.get("modality", QualityControl.DEFAULT_MODALITY);
        try {
            QcGroup.Table t;
            if (input != null) {
                String output = o.get("output", null);
                if (output == null) {
                    IJ.error("NeuroCurate Quality Control", "needs output=[folder] with input=");
                    return;
                }
                t = QualityControl.run(Path.of(input), Path.of(output), modality);
            } else {
                ImagePlus imp = WindowManager.getCurrentImage();
                if (imp == null) {
                    IJ.error("NeuroCurate Quality Control", "no input= and no open image");
                    return;
                }
                List<ImagePlus> masks = o.flag("show_masks", false) ? new ArrayList<>() : null;
                t = QualityControl.run(imp, modality, masks);
                if (masks != null) {
                    masks.forEach(ImagePlus::show);
                }
            }
            Tables.toSystemResults(t.header(), t.rows());
        } catch (IOException e) {
            IJ.error("NeuroCurate Quality Control", e.getMessage());
        }
    }
}
