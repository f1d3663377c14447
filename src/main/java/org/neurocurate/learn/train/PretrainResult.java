package org.neurocurate.learn.train;

import java.nio.file.Path;

/**
 * What a pretraining run produced.
 *
 * @param modelDir where encoder.params, model.json, loss.tsv and checkpoint.bin are
 * @param stepsDone the last completed step
 * @param resumedFrom the checkpoint step the run started from (0 = fresh)
 * @param cancelled true when the listener asked to stop before the last step
 * @param losses the loss of every step this run computed (resumed runs: only the new steps)
 * @param dataWaitShare time blocked waiting for batches ÷ total step time (0..1)
 * @param samplesPerSecond scans (not views) per second of wall time in the training loop
 */
public record PretrainResult(Path modelDir, long stepsDone, long resumedFrom, boolean cancelled, double[] losses,
        double dataWaitShare, double samplesPerSecond) {
}
