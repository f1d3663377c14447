package org.neurocurate.synth;

/**
 * Tissue classes of the synthetic head with their label values (the index in the ground-truth label
 * map) and MR properties. Relaxation times are typical literature values for adult brain at 1.5 T and
 * 3 T (Wansapura et al., JMRI 1999; Stanisz et al., MRM 2005; Bojorquez et al., MRI 2017): T1 grows
 * with field strength, T2 barely changes, so one T2 is used. PD is relative to CSF. The skull is
 * cortical bone, whose T2* lies under 1 ms (Du and Bydder, NMR Biomed 2013): with T2 0.5 ms it gives
 * under 0.3 % of its signal at the T1w echo times (3–3.6 ms), as dark as the air, as in real scans.
 * (A T2 of 5 ms, used before, left half of it: a skull about as bright as CSF in T1w, which hid
 * from the brain mask the dark layer real scans show between scalp and CSF.)
 */
public enum Tissue {
    BACKGROUND(0, "background", 0, 1, 1, 1),
    CSF(1, "CSF", 1.00, 4000, 4300, 1800),
    GM(2, "cortical_GM", 0.82, 1100, 1400, 95),
    WM(3, "cerebral_WM", 0.70, 650, 850, 75),
    DEEP_GM(4, "deep_GM", 0.78, 950, 1200, 85),
    VENTRICLE(5, "lateral_ventricles", 1.00, 4000, 4300, 1800),
    CEREBELLUM_GM(6, "cerebellum_GM", 0.84, 1050, 1350, 100),
    CEREBELLUM_WM(7, "cerebellum_WM", 0.71, 640, 830, 75),
    BRAINSTEM(8, "brainstem", 0.73, 750, 980, 80),
    LESION(9, "WM_lesion", 0.86, 950, 1250, 180),
    SKULL(10, "skull", 0.10, 300, 320, 0.5),
    SCALP(11, "scalp", 0.85, 500, 620, 60);

    /** Number of classes (label values 0..COUNT−1). */
    public static final int COUNT = values().length;

    private final int label;
    private final String bidsName;
    private final double protonDensity;
    private final double t1At15;
    private final double t1At3;
    private final double t2;

    Tissue(int label, String bidsName, double protonDensity, double t1At15, double t1At3, double t2) {
        this.label = label;
        this.bidsName = bidsName;
        this.protonDensity = protonDensity;
        this.t1At15 = t1At15;
        this.t1At3 = t1At3;
        this.t2 = t2;
    }

    /** Value in the label map. */
    public int label() {
        return label;
    }

    /** Name in the dataset's dseg.tsv. */
    public String bidsName() {
        return bidsName;
    }

    /** Proton density relative to CSF. */
    public double protonDensity() {
        return protonDensity;
    }

    /** T1 (ms), interpolated linearly in field strength between the 1.5 T and 3 T values. */
    public double t1Ms(double fieldTesla) {
        double w = (fieldTesla - 1.5) / 1.5;
        return t1At15 + w * (t1At3 - t1At15);
    }

    /** T2 (ms). */
    public double t2Ms() {
        return t2;
    }

    /** True for classes inside the skull (brain tissue and CSF): the intracranial volume. */
    public boolean intracranial() {
        return this != BACKGROUND && this != SKULL && this != SCALP;
    }

    /** True for brain tissue (intracranial minus CSF and ventricles). */
    public boolean brainTissue() {
        return intracranial() && this != CSF && this != VENTRICLE;
    }

    private static final Tissue[] BY_LABEL = values();

    /** The tissue with this label value. */
    public static Tissue ofLabel(int label) {
        return BY_LABEL[label];
    }
}
