package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.ScanPretraining;
import org.neurocurate.learn.train.TrainingDivergedException;

/**
 * ImageJ 1 entries for macros: "NeuroCurate Pretrain" with {@code scans=[t.tsv] model=[dir] objective=yaware
 * steps=200 tiers=[4,5]}, and "NeuroCurate Embed" (arg "embed") with {@code model=[dir] scans=[t.tsv]
 * output=[emb.tsv]}. Each logs a one-line summary; pretraining also opens its loss curve.
 */
public class PretrainPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        MacroOptions o = MacroOptions.current();
        String scans = o.get("scans", null);
        String model = o.get("model", null);
        String title = "embed".equals(arg) ? "NeuroCurate Embed" : "NeuroCurate Pretrain";
        if (scans == null || model == null) {
            IJ.error(title, "needs scans=[table.tsv] and model=[folder]");
            return;
        }
        try {
            if ("embed".equals(arg)) {
                String out = o.get("output", null);
                if (out == null) {
                    IJ.error(title, "needs output=[embeddings.tsv]");
                    return;
                }
                IJ.log(title + ": " + Pretraining.embed(Path.of(model), Path.of(scans), Path.of(out)));
                return;
            }
            PretrainConfig d = PretrainConfig.defaults();
            ScanPretraining.Outcome r = Pretraining.pretrain(Path.of(scans), Path.of(model),
                    o.get("objective", d.objective()), (long) o.number("steps", d.steps()),
                    Pretraining.tiers(o.get("tiers", "")));
            IJ.log(title + ": " + r.scansUsed() + " scans, " + r.result().stepsDone() + " steps");
            Pretraining.lossCurve(Path.of(model)).getImagePlus().show();
        } catch (IOException | IllegalArgumentException | TrainingDivergedException e) {
            IJ.error(title, e.getMessage());
        }
    }
}
