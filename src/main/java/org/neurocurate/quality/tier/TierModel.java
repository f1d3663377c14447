package org.neurocurate.quality.tier;

import java.util.List;

/**
 * Everything needed to tier scans from their IQMs: which IQMs and how they are scaled, the classifier,
 * the calibration of its score to a probability of being usable, and the tier cut points.
 *
 * @param spec         features
 * @param global       global reference of every IQM in {@code spec.iqms()} (training scans, median/IQR)
 * @param classifier   forest (+ boosted trees)
 * @param calibration  score to calibrated p_usable, fitted on out-of-site (LOSO) scores
 * @param scale        tier cut points on p_usable
 * @param provenance   what the model was trained on
 */
public record TierModel(FeatureSpec spec, RobustReference global, TierClassifier classifier,
                        IsotonicCalibration calibration, TierScale scale, Provenance provenance) {

    /** The modality of the shipped model and the default of {@code tiers train}. */
    public static final String DEFAULT_MODALITY = "T1w";

    /**
     * @param modality  BIDS suffix of the scans the model was trained on (e.g. T1w); it tiers only those
     * @param rater     ratings column used as the label
     * @param seed      training seed
     * @param scans     rated scans used
     * @param unusable  of which rated unusable
     * @param sites     sites of the training scans, sorted
     */
    public record Provenance(String modality, String rater, long seed, int scans, int unusable, List<String> sites) {
        public Provenance {
            sites = List.copyOf(sites);
        }
    }

    /** Calibrated probability that a feature vector's scan is usable. */
    public double pUsable(double[] vector) {
        return calibration.apply(classifier.score(vector));
    }
}
