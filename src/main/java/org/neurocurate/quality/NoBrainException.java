package org.neurocurate.quality;

import java.io.IOException;

/**
 * The image holds no brain that quality control can measure (e.g. noise, a phantom, a non-head scan, or
 * a head cut apart by a slab of lost signal, which the message then names): the brain mask found is
 * smaller than {@link QualityPipeline#MIN_BRAIN_CM3}. An {@link IOException}
 * so batch runners record it in the scan's row like any other unassessable input.
 */
public final class NoBrainException extends IOException {

    private static final long serialVersionUID = 1L;

    public NoBrainException(String reason) {
        super(reason);
    }
}
