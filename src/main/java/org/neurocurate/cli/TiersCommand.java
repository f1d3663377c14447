package org.neurocurate.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.tier.ExpertRatings;
import org.neurocurate.quality.tier.LosoReport;
import org.neurocurate.quality.tier.TierModel;
import org.neurocurate.quality.tier.TierPredictConfig;
import org.neurocurate.quality.tier.TierTrainingConfig;
import org.neurocurate.quality.tier.Tiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code neurocurate tiers train|predict|evaluate}: quality tiers 1-5 from IQM tables. */
@Command(name = "tiers", mixinStandardHelpOptions = true,
        description = "Quality tiers 1 (unusable) to 5 (excellent) from IQM tables.",
        subcommands = {TiersCommand.Train.class, TiersCommand.Predict.class, TiersCommand.Evaluate.class})
public final class TiersCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Warnings and the nested evaluation's choices to stderr; nothing else (the outputs are files). */
    static final ProgressListener STDERR = new ProgressListener() {
        @Override
        public void status(String message) {
            if (message.startsWith("nested LOSO")) {
                System.err.println("neurocurate: " + message);
            }
        }

        @Override
        public void warn(String message) {
            System.err.println("neurocurate: warning: " + message);
        }
    };

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Writes p_usable, tier and tier_reason per row of an IQM table (CSV or TSV).")
    static final class Predict implements Callable<Integer> {
        @Option(names = "--iqms", required = true, description = "IQM table with MRIQC column names (CSV or TSV)")
        Path iqms;
        @Option(names = "--out", required = true, description = "output TSV")
        Path out;
        @Option(names = "--model", description = "tier model JSON (default: the shipped ABIDE model)")
        Path model;
        @Option(names = "--rules", description = "rule-based tiers from robust z-scores, no trained model")
        boolean rules;
        @Option(names = "--modality", description = "the table's modality (BIDS suffix); rule-based tiers unless the model was trained on it")
        String modality;

        @Override
        public Integer call() throws Exception {
            TierPredictConfig c = TierPredictConfig.defaults().withModel(model).withRulesOnly(rules).withModality(modality);
            Tiers.Prediction p = Tiers.predict(iqms, out, c, STDERR);
            long untiered = p.rows().stream().filter(r -> !r.tiered()).count();
            System.out.printf(Locale.ROOT, "tiered %d of %d scans (%s) -> %s%n", p.rows().size() - untiered,
                    p.rows().size(), p.ruleBased() ? "rule-based" : "model", out);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains a tier model from an IQM table and expert ratings (MRIQC's y_*.csv layout).")
    static final class Train implements Callable<Integer> {
        @Mixin
        RatedTable rated;
        @Option(names = "--out", required = true, description = "model JSON to write")
        Path out;
        @Option(names = "--modality", defaultValue = "T1w", description = "modality of the rated scans (default: ${DEFAULT-VALUE})")
        String modality;

        @Override
        public Integer call() throws Exception {
            TierModel m = Tiers.train(rated.iqms, rated.ratings, out, rated.config(), modality, STDERR);
            System.out.printf(Locale.ROOT, "trained on %d scans (%d unusable, %d sites) -> %s%n",
                    m.provenance().scans(), m.provenance().unusable(), m.provenance().sites().size(), out);
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Leave-one-site-out AUC and balanced accuracy, with an MRIQC-style forest side by side.")
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        RatedTable rated;
        @Option(names = "--out", required = true, description = "output TSV")
        Path out;
        @Option(names = "--nested", description = "choose among candidate pipelines by an inner LOSO per held-out site (slow)")
        boolean nested;

        @Override
        public Integer call() throws Exception {
            LosoReport r = nested ? Tiers.evaluateNested(rated.iqms, rated.ratings, out, rated.config(), STDERR)
                    : Tiers.evaluate(rated.iqms, rated.ratings, out, rated.config(), STDERR);
            r.tsvLines().forEach(System.out::println);
            System.out.printf(Locale.ROOT, "RESULT auc_mean=%.4f auc_sd=%.4f mriqc_style_auc_mean=%.4f%n",
                    r.ours().aucMean(), r.ours().aucSd(), r.mriqcStyle().aucMean());
            return 0;
        }
    }

    /** What train and evaluate both read: an IQM table, its expert ratings (MRIQC's y_*.csv layout), a rater, a seed. */
    static final class RatedTable {
        @Option(names = "--iqms", required = true, description = "IQM table (e.g. x_abide.csv)")
        Path iqms;
        @Option(names = "--ratings", required = true, description = "ratings table: subject_id, site, rater columns (e.g. y_abide.csv)")
        Path ratings;
        @Option(names = "--rater", defaultValue = ExpertRatings.DEFAULT_RATER, description = "rater column (default: ${DEFAULT-VALUE})")
        String rater;
        @Option(names = "--seed", defaultValue = "" + TierTrainingConfig.DEFAULT_SEED, description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        TierTrainingConfig config() {
            return TiersCommand.config(rater, seed);
        }
    }

    /** The default training settings with this rater and seed. */
    static TierTrainingConfig config(String rater, long seed) {
        return TierTrainingConfig.defaults().withSeed(seed).withRater(rater);
    }
}
