package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.gui.Plot;

import org.neurocurate.learn.data.PreprocessSettings;
import org.neurocurate.learn.eval.ScanEmbedding;
import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.ScanPretraining;

/** What both Fiji faces of pretraining and embedding do, defined once; defaults from {@link PretrainConfig}. */
final class Pretraining {

    private Pretraining() {
    }

    /**
     * Pretrains from a scans table into {@code modelDir} (cache beside it); Esc cancels after the current
     * step, and a later run with the same settings resumes from the checkpoint.
     */
    static ScanPretraining.Outcome pretrain(Path scans, Path modelDir, String objective, long steps, List<Integer> tiers)
            throws IOException {
        PretrainConfig d = PretrainConfig.defaults();
        PretrainConfig c = d.withObjective(objective, d.temperature(), d.sigma(), d.qualityWeighted())
                .withSteps(steps, Math.min(d.checkpointEvery(), steps)).withTiers(tiers);
        Path cache = modelDir.toAbsolutePath().getParent().resolve("cache");
        return ScanPretraining.run(new ScanPretraining.Request(scans, modelDir, cache, PreprocessSettings.defaults(), c),
                new ImageJProgress());
    }

    static ScanEmbedding.Outcome embed(Path modelDir, Path scans, Path out) throws IOException {
        Path cache = modelDir.toAbsolutePath().getParent().resolve("cache");
        return ScanEmbedding.run(modelDir, scans, cache, out, PretrainConfig.defaults().threads(), new ImageJProgress());
    }

    /** The loss curve of a model folder's loss.tsv (step, loss). */
    static Plot lossCurve(Path modelDir) throws IOException {
        List<String> lines = Files.readAllLines(modelDir.resolve("loss.tsv"));
        double[] step = new double[lines.size() - 1];
        double[] loss = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t");
            step[i - 1] = Double.parseDouble(c[0]);
            loss[i - 1] = Double.parseDouble(c[1]);
        }
        Plot plot = new Plot("Pretraining loss", "step", "loss");
        plot.addPoints(step, loss, Plot.LINE);
        return plot;
    }

    /** Tiers given as text, e.g. "3,4,5"; empty for all. */
    static List<Integer> tiers(String text) {
        return IndexBids.split(text.replace(',', ';')).stream().map(Integer::valueOf).toList();
    }
}
