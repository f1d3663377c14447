package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * ImageJ 1 entry "NeuroCurate IQMs by Tier" for macros:
 * {@code run("NeuroCurate IQMs by Tier", "table=[/out/group_T1w.tsv] iqm=efc");} shows the plot as the
 * current image (in batch mode too, so a macro can save it).
 */
public class IqmsByTierPlugin implements PlugIn {

    private static final String TITLE = "NeuroCurate IQMs by Tier";

    @Override
    public void run(String arg) {
        MacroOptions options = MacroOptions.current();
        String table = options.get("table", null);
        if (table == null) {
            IJ.error(TITLE, "needs table=[group_T1w.tsv] (and optionally iqm=" + IqmsByTier.DEFAULT_IQM + ")");
            return;
        }
        String iqm = options.get("iqm", IqmsByTier.DEFAULT_IQM);
        try {
            IqmsByTier.plot(Path.of(table), iqm).show();
            options.record("table", table);
            options.record("iqm", iqm);
        } catch (IOException e) {
            IJ.error(TITLE, e.getMessage());
        }
    }
}
