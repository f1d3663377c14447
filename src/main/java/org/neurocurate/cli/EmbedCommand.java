package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.neurocurate.learn.eval.ScanEmbedding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurocurate embed --model MODEL_DIR --scans TSV --out EMBEDDINGS.tsv [--cache DIR]}:
 * one row per scan, columns {@code path tier age error emb_0 …}.
 */
@Command(name = "embed", description = "Embeddings of every scan of a scans table with a pretrained encoder (TSV).")
final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "folder written by pretrain")
    Path model;

    @Option(names = "--scans", required = true, paramLabel = "TSV", description = "scans table with a path column")
    Path scans;

    @Option(names = "--out", required = true, paramLabel = "TSV", description = "embeddings table to write")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "preprocessing cache (default: MODEL_DIR/../cache)")
    Path cache;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: all cores but one)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Path cacheDir = cache != null ? cache : model.toAbsolutePath().getParent().resolve("cache");
        int t = threads != null ? threads : org.neurocurate.learn.train.PretrainConfig.defaults().threads();
        ScanEmbedding.Outcome o = ScanEmbedding.run(model, scans, cacheDir, out, t,
                new TerminalProgress(spec.commandLine().getErr()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("embedded %d scans (%d failed), dimension %d -> %s%n", o.rows() - o.failed(), o.failed(),
                o.dimension(), out);
        w.flush();
        return 0;
    }
}
