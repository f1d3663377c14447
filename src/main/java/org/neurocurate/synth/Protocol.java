package org.neurocurate.synth;

/**
 * Acquisition parameters of one contrast at one site, in the units BIDS sidecars use (seconds,
 * degrees), and the signal they give each tissue.
 *
 * <p>Signal equations (magnitude, relative to fully relaxed CSF):
 * inversion recovery S = PD·|1 − 2e^(−TI/T1) + e^(−TR/T1)|·e^(−TE/T2) (T1w, where it stands in for
 * MPRAGE's more involved steady state, and FLAIR); spin echo S = PD·(1 − e^(−TR/T1))·e^(−TE/T2)
 * (T2w, PDw). See Bernstein, King &amp; Zhou, Handbook of MRI Pulse Sequences (2004).
 *
 * @param contrast the contrast
 * @param repetitionTime TR, s
 * @param echoTime TE, s
 * @param inversionTime TI, s (NaN without an inversion pulse)
 * @param flipAngle excitation flip angle, degrees
 * @param fieldTesla main field, T
 */
public record Protocol(Contrast contrast, double repetitionTime, double echoTime, double inversionTime,
        double flipAngle, double fieldTesla) {

    /** The site's protocol for a contrast; inversion times scale with T1, so they follow the field. */
    public static Protocol of(Contrast c, Site site) {
        double b = site.fieldTesla();
        double tweak = site.protocolTweak();
        return switch (c) {
            case T1W -> new Protocol(c, round(2.3 * tweak, 3), b > 2 ? 0.00298 : 0.00364,
                    round((b > 2 ? 0.9 : 0.8) * tweak, 3), 9, b);
            case T2W -> new Protocol(c, round(5.0 * tweak, 3), round(0.1 * tweak, 4), Double.NaN, 90, b);
            case FLAIR -> flair(site, tweak);
            case PDW -> new Protocol(c, round(3.0 * tweak, 3), 0.015, Double.NaN, 90, b);
        };
    }

    /** FLAIR with TI at the CSF null point, TI = T1·ln(2 / (1 + e^(−TR/T1))). */
    private static Protocol flair(Site site, double tweak) {
        double tr = round(9.0 * tweak, 3);
        double t1 = Tissue.CSF.t1Ms(site.fieldTesla()) / 1000;
        double ti = round(t1 * Math.log(2 / (1 + Math.exp(-tr / t1))), 3);
        return new Protocol(Contrast.FLAIR, tr, 0.12, ti, 150, site.fieldTesla());
    }

    private static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    /** Signal of a tissue under this protocol (PD-relative units; background 0). */
    public double signal(Tissue t) {
        if (t == Tissue.BACKGROUND) {
            return 0;
        }
        double t1 = t.t1Ms(fieldTesla) / 1000;
        double t2 = t.t2Ms() / 1000;
        double decay = Math.exp(-echoTime / t2);
        double recovery = contrast.inversionRecovery()
                ? Math.abs(1 - 2 * Math.exp(-inversionTime / t1) + Math.exp(-repetitionTime / t1))
                : 1 - Math.exp(-repetitionTime / t1);
        return t.protonDensity() * recovery * decay;
    }

    /** Signal of every tissue, indexed by label. */
    public double[] signals() {
        double[] s = new double[Tissue.COUNT];
        for (Tissue t : Tissue.values()) {
            s[t.label()] = signal(t);
        }
        return s;
    }
}
