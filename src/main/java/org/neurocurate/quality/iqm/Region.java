package org.neurocurate.quality.iqm;

/** The regions MRIQC summarises: background (air mask) and the three tissues (FSL FAST labels 1–3). */
public enum Region {
    BG("bg", 0), CSF("csf", 1), GM("gm", 2), WM("wm", 3);

    private final String key;
    private final int label;

    Region(String key, int label) {
        this.key = key;
        this.label = label;
    }

    /** The name used in IQM keys ({@code summary_<key>_*}, {@code snr_<key>}). */
    public String key() {
        return key;
    }

    /** FSL FAST label of the tissue (0 for background). */
    public int label() {
        return label;
    }

    /** The three tissues, in FAST label order. */
    public static Region[] tissues() {
        return new Region[] {CSF, GM, WM};
    }
}
