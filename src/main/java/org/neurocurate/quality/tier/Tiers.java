package org.neurocurate.quality.tier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.neurocurate.progress.ProgressListener;

/**
 * The tier stage's entry points, shared by the command line, SciJava commands and ImageJ 1 entries:
 * predict tiers for an IQM table, train a model from IQMs plus expert ratings, and evaluate the
 * classifier leave-one-site-out against the MRIQC-style forest.
 */
public final class Tiers {

    private Tiers() {
    }

    /** Result of {@link #predict}: the rows and whether they are rule-based alone (no classifier took part). */
    public record Prediction(String idColumn, List<TierAssignment> rows, boolean ruleBased) {
        public Prediction {
            rows = List.copyOf(rows);
        }
    }

    /** Tiers every row of a table; rows that cannot be tiered say why. */
    public static Prediction predict(IqmTable table, TierPredictConfig config, ProgressListener listener)
            throws IOException {
        if (!config.rulesOnly()) {
            TierModel model = config.model() == null ? TierModelJson.shipped() : TierModelJson.read(config.model());
            String trained = model.provenance().modality();
            if (config.modality() != null && !config.modality().equals(trained)) {
                listener.warn("the tier model was trained on " + trained + ", not " + config.modality()
                        + "; using rule-based tiers");
                return new Prediction(table.idColumn(), RuleTiering.tier(table, config.minSiteScans()), true);
            }
            double coverage = TierPredictor.coverage(table, model);
            if (coverage >= config.minCoverage()) {
                return new Prediction(table.idColumn(), TierPredictor.predict(table, model, listener), false);
            }
            listener.warn(String.format(java.util.Locale.ROOT,
                    "only %.0f%% of the model's IQMs are in the table; using rule-based tiers", 100 * coverage));
        }
        return new Prediction(table.idColumn(), RuleTiering.tier(table, config.minSiteScans()), true);
    }

    /**
     * Tiers for IQMs computed by NeuroCurate's own pipeline (the QC stage). The shipped classifier was
     * trained on MRIQC's IQMs of real scans; NeuroCurate's IQMs differ in definition details and scale,
     * so its tiers do not transfer (on generated cohorts: Spearman ρ 0.32 with the true tiers). Tiers
     * here come from {@link RuleTiering}'s site-relative deviations of the artefact-sensitive IQMs; the
     * classifier's p_usable, when its model applies to the table, is reported beside the tier (it does
     * not change it; see {@link RuleTiering}).
     */
    public static Prediction predictOwnIqms(IqmTable table, TierPredictConfig config, ProgressListener listener)
            throws IOException {
        double[] p = null;
        if (!config.rulesOnly()) {
            TierModel model = config.model() == null ? TierModelJson.shipped() : TierModelJson.read(config.model());
            boolean sameModality = config.modality() == null || config.modality().equals(model.provenance().modality());
            if (sameModality && TierPredictor.coverage(table, model) >= config.minCoverage()) {
                p = TierPredictor.predict(table, model, listener).stream().mapToDouble(TierAssignment::pUsable).toArray();
            }
        }
        return new Prediction(table.idColumn(), RuleTiering.tier(table, config.minSiteScans(), p), p == null);
    }

    /** Reads an IQM table (CSV or TSV), tiers it and writes the tier TSV atomically. */
    public static Prediction predict(Path iqms, Path out, TierPredictConfig config, ProgressListener listener)
            throws IOException {
        Prediction p = predict(IqmTableReader.read(iqms), config, listener);
        TierTable.write(out, p.idColumn(), p.rows());
        return p;
    }

    /** The rated scans of an IQM table and a ratings table, joined on the id. */
    public static ExpertRatings.RatedScans rated(Path iqms, Path ratings, String rater) throws IOException {
        ExpertRatings.RatedScans r = ExpertRatings.join(IqmTableReader.read(iqms), ExpertRatings.read(ratings, rater));
        if (r.table().rows() == 0) {
            throw new IqmTableException(ratings, "no scan of " + iqms + " has a " + rater + " rating");
        }
        return r;
    }

    /** Trains a model for scans of one modality and writes it (atomically) when {@code out} is not null. */
    public static TierModel train(Path iqms, Path ratings, Path out, TierTrainingConfig config, String modality,
                                  ProgressListener listener) throws IOException {
        ExpertRatings.RatedScans rated = rated(iqms, ratings, config.rater());
        double[] outOfSite = LeaveOneSiteOut.scores(rated, config, listener);
        TierModel m = TierTrainer.train(rated, config, outOfSite, modality, listener);
        if (out != null) {
            TierModelJson.write(m, out);
        }
        return m;
    }

    /**
     * Leave-one-site-out evaluation of {@code config} and of the MRIQC-style forest (same seed and rater)
     * on the same scans; writes the TSV when {@code out} is not null.
     */
    public static LosoReport evaluate(Path iqms, Path ratings, Path out, TierTrainingConfig config,
                                      ProgressListener listener) throws IOException {
        ExpertRatings.RatedScans rated = rated(iqms, ratings, config.rater());
        return evaluate(rated, out, config, listener);
    }

    public static LosoReport evaluate(ExpertRatings.RatedScans rated, Path out, TierTrainingConfig config,
                                      ProgressListener listener) throws IOException {
        double[] ours = LeaveOneSiteOut.scores(rated, config, listener);
        TierTrainingConfig mriqc = TierTrainingConfig.mriqcStyle().withSeed(config.seed());
        double[] reference = LeaveOneSiteOut.scores(rated, mriqc, listener);
        LosoReport report = LosoReport.of(rated.table(), rated.usable(), ours, reference);
        if (out != null) {
            report.writeTsv(out);
        }
        return report;
    }

    /**
     * As {@link #evaluate(Path, Path, Path, TierTrainingConfig, ProgressListener)}, but NeuroCurate's
     * column comes from {@link NestedLeaveOneSiteOut} over its default candidates (the pipeline is chosen
     * per held-out site by an inner LOSO); the chosen candidate per site goes to the listener's status.
     */
    public static LosoReport evaluateNested(Path iqms, Path ratings, Path out, TierTrainingConfig config,
                                            ProgressListener listener) throws IOException {
        ExpertRatings.RatedScans rated = rated(iqms, ratings, config.rater());
        NestedLeaveOneSiteOut.Result nested = NestedLeaveOneSiteOut.scores(rated,
                NestedLeaveOneSiteOut.defaultCandidates(), config.seed(), listener);
        double[] reference = LeaveOneSiteOut.scores(rated, TierTrainingConfig.mriqcStyle().withSeed(config.seed()), listener);
        LosoReport report = LosoReport.of(rated.table(), rated.usable(), nested.scores(), reference);
        if (out != null) {
            report.writeTsv(out);
        }
        listener.status("nested LOSO choices (candidate index per site): " + nested.sites() + " -> " + nested.chosen());
        return report;
    }
}
