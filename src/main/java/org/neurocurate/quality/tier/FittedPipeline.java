package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;

/**
 * Features plus classifier fitted on one set of rated scans: the feature spec, the global reference
 * (median and IQR of every IQM over all training scans) and the classifier.
 */
public record FittedPipeline(FeatureSpec spec, RobustReference global, TierClassifier classifier) {

    /** Fits on rated scans (their table must carry sites). */
    public static FittedPipeline fit(IqmTable table, boolean[] usable, TierTrainingConfig config) {
        FeatureSpec spec = config.featureSpec(table.columns());
        double[][] raw = SiteScaling.columns(table, spec.iqms());
        List<double[]> rows = new ArrayList<>(List.of(raw));
        RobustReference global = RobustReference.of(rows, spec.iqms().size(), null);
        TierFeatures features = TierFeatures.of(table, spec, global);
        return new FittedPipeline(spec, global, TierClassifier.fit(features.vectors(), usable, table.sites(), config));
    }

    /** Uncalibrated usable-scores of a table's rows, each site scaled against itself. */
    public double[] scores(IqmTable table) {
        TierFeatures f = TierFeatures.of(table, spec, global);
        double[] s = new double[table.rows()];
        for (int i = 0; i < s.length; i++) {
            s[i] = classifier.score(f.vectors()[i]);
        }
        return s;
    }
}
