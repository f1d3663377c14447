package org.neurocurate.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.iqm.IqmCalculator;
import org.neurocurate.quality.iqm.IqmCaseReader;
import org.neurocurate.quality.iqm.IqmDefinition;
import org.neurocurate.quality.iqm.IqmJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurocurate iqms CASE_DIR [--json]}: MRIQC's structural IQMs from given inputs (level a),
 * the case folder laid out like ../shared/data/iqm-reference/&lt;case&gt;/. With {@code --json}, one JSON
 * object IQM name → value (null where undefined); without, a table of name, value and direction.
 */
@Command(name = "iqms", mixinStandardHelpOptions = true,
        description = "MRIQC-compatible IQMs from an image with its masks, tissue maps and bias field.")
public final class IqmsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE_DIR",
            description = "folder with image.nii.gz, segm, pvm_*, *_mask, bias, tpm_* (.nii.gz) and fwhm_mm.json")
    Path caseDir;

    @Option(names = "--json", description = "print one JSON object: IQM name -> value (null where undefined)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        IqmCalculator calculator = IqmCalculator.withAllFeatures();
        Map<String, Double> iqms = calculator.compute(IqmCaseReader.read(caseDir), ProgressListener.NONE);
        if (json) {
            System.out.println(IqmJson.format(iqms, calculator.registry()));
            return 0;
        }
        for (IqmDefinition d : calculator.registry().definitions()) {
            System.out.printf("%-20s %-22s %s%n", d.key(), iqms.get(d.key()), d.direction());
        }
        return 0;
    }
}
