package org.neurocurate.quality.tier;

import org.neurocurate.progress.ProgressListener;

/**
 * Trains a {@link TierModel} from rated scans: leave-one-site-out scores of the pipeline fit the
 * isotonic calibration (so p_usable is calibrated for a site the model has not seen), then the
 * pipeline is fitted once more on all scans.
 */
public final class TierTrainer {

    private TierTrainer() {
    }

    public static TierModel train(ExpertRatings.RatedScans rated, TierTrainingConfig config,
                                  ProgressListener listener) {
        double[] oof = LeaveOneSiteOut.scores(rated, config, listener);
        return train(rated, config, oof, TierModel.DEFAULT_MODALITY, listener);
    }

    /** Trains with out-of-site scores already computed (e.g. by an evaluation run with the same config). */
    public static TierModel train(ExpertRatings.RatedScans rated, TierTrainingConfig config, double[] outOfSite,
                                  String modality, ProgressListener listener) {
        listener.status("fitting the tier classifier on all " + rated.table().rows() + " scans");
        IsotonicCalibration calibration = IsotonicCalibration.fit(outOfSite, rated.usable());
        FittedPipeline fit = FittedPipeline.fit(rated.table(), rated.usable(), config);
        int unusable = 0;
        for (boolean u : rated.usable()) {
            unusable += u ? 0 : 1;
        }
        TierModel.Provenance p = new TierModel.Provenance(modality, config.rater(), config.seed(), rated.table().rows(),
                unusable, LeaveOneSiteOut.sites(rated.table()));
        return new TierModel(fit.spec(), fit.global(), fit.classifier(), calibration, TierScale.defaults(), p);
    }
}
