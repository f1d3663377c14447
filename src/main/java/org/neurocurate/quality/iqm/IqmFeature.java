package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * A small unit computing one MRIQC measure (or one family of keys sharing a definition, such as
 * {@code snr_csf/gm/wm/total}). Implementations are discovered by {@link IqmRegistry} through
 * {@link java.util.ServiceLoader}; each declares its keys, directions and definitions, and cites its
 * source in its Javadoc.
 *
 * <p>Undefined values are {@link Double#NaN} (MRIQC yields NaN there, e.g. statistics of an empty
 * air mask); sentinel values that MRIQC defines (−1 for fber, snrd, qi_1) are returned as such.
 */
public interface IqmFeature {

    /** The keys this feature writes, in output order. */
    List<IqmDefinition> definitions();

    /** Computes this feature's values from the shared context and puts every declared key into {@code out}. */
    void compute(IqmContext context, IqmValues out);
}
