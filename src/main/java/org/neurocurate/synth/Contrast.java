package org.neurocurate.synth;

import java.util.Locale;

/** The MR contrasts the generator simulates, named by their BIDS suffix. */
public enum Contrast {
    T1W("T1w", true),
    T2W("T2w", false),
    FLAIR("FLAIR", true),
    PDW("PDw", false);

    private final String suffix;
    private final boolean inversionRecovery;

    Contrast(String suffix, boolean inversionRecovery) {
        this.suffix = suffix;
        this.inversionRecovery = inversionRecovery;
    }

    /** The BIDS suffix, e.g. "T1w". */
    public String suffix() {
        return suffix;
    }

    /** True when the sequence has an inversion pulse (T1w MPRAGE-like, FLAIR). */
    public boolean inversionRecovery() {
        return inversionRecovery;
    }

    /** The contrast with this BIDS suffix (case-insensitive); throws for an unknown name. */
    public static Contrast ofSuffix(String name) {
        for (Contrast c : values()) {
            if (c.suffix.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown contrast '" + name + "'; expected T1w, T2w, FLAIR or PDw");
    }
}
