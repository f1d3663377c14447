package org.neurocurate.learn.train;

/**
 * Pretraining stopped because the loss or gradients stayed non-finite for
 * {@link Pretrainer#MAX_SKIPPED_IN_A_ROW} steps in a row: a user-facing condition (usually too high a
 * learning rate), not a bug, so every face reports its message alone. No skipped step changed the
 * weights, so the last checkpoint, if any, is intact.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
