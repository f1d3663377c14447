package org.neurocurate.quality;

/**
 * The image holds no brain that quality control can measure (e.g. noise, a phantom, a non-head scan):
 * the brain mask found is smaller than {@link QualityPipeline#MIN_BRAIN_CM3}.
 */
public final class NoBrainException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoBrainException(String reason) {
        super(reason);
    }
}
