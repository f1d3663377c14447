package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.neurocurate.quality.tier.LosoReport;
import org.neurocurate.quality.tier.TierTrainingConfig;
import org.neurocurate.quality.tier.Tiers;

/** What the Fiji faces of the tier evaluation do, defined once: {@code neurocurate tiers evaluate} as a ResultsTable. */
final class TierEvaluation {

    /** Title of the table window. */
    static final String TABLE_TITLE = "NeuroCurate Tier Evaluation";

    private TierEvaluation() {
    }

    /** Leave-one-site-out with the default training configuration; writes the TSV when {@code out} is not null. */
    static ResultsTable table(Path iqms, Path ratings, Path out) throws IOException {
        LosoReport r = Tiers.evaluate(iqms, ratings, out, TierTrainingConfig.defaults(), new ImageJProgress());
        return Tables.toResultsTable(LosoReport.COLUMNS, r.rows());
    }
}
