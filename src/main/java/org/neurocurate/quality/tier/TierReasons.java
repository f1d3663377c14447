package org.neurocurate.quality.tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the human-readable reason of a tier from the key IQMs' robust z-scores against the scan's
 * reference (its site's norm, or the global one): the up to {@value #MAX_NAMED} IQMs with the largest
 * z in their bad direction at or beyond {@value #FAR} are named with their values, e.g.
 * "tier 2: efc=0.61 and qi_1=0.012 far above the site norm of NYU (n=184; z=3.1, 2.8), likely motion
 * or ghosting". When none is that far the largest deviation is given instead.
 */
public final class TierReasons {

    /** A robust z-score (IQR units) at or beyond which an IQM counts as far from the norm; about 2.7 SD for normal data. */
    public static final double FAR = 2.0;
    static final int MAX_NAMED = 3;

    private TierReasons() {
    }

    /** One key IQM of one scan. */
    record Deviation(KeyIqm iqm, double value, double z) {
        double badness() {
            return iqm.badness(z);
        }
    }

    /**
     * The key IQMs of a row that the table has, with their z-scores against {@code ref}.
     *
     * @param iqms  the IQM names of {@code raw} and {@code ref}, in order
     */
    static List<Deviation> deviations(List<String> iqms, double[] raw, RobustReference ref) {
        return deviations(iqms, raw, raw, ref);
    }

    /**
     * As {@link #deviations(List, double[], RobustReference)} for a reference on another scale than
     * the values shown (e.g. log fber): z-scores of {@code measured}, values of {@code shown}.
     */
    static List<Deviation> deviations(List<String> iqms, double[] shown, double[] measured, RobustReference ref) {
        List<Deviation> out = new ArrayList<>();
        for (KeyIqm k : KeyIqm.ALL) {
            int f = iqms.indexOf(k.name());
            if (f >= 0 && Double.isFinite(measured[f])) {
                out.add(new Deviation(k, shown[f], ref.z(f, measured[f])));
            }
        }
        out.sort(Comparator.comparingDouble(Deviation::badness).reversed());
        return out;
    }

    /**
     * The reason text for a tier given the row's deviations (sorted worst first) and its reference.
     *
     * @param norm  e.g. "the site norm of NYU", "the global norm of the training scans"
     * @param n     number of scans behind the norm
     */
    static String reason(int tier, List<Deviation> deviations, String norm, int n) {
        String head = "tier " + tier + ": ";
        if (deviations.isEmpty()) {
            return head + "no key IQM available (" + names() + ")";
        }
        List<Deviation> far = deviations.stream().filter(d -> d.badness() >= FAR).limit(MAX_NAMED).toList();
        if (far.isEmpty()) {
            List<String> top = deviations.stream().limit(tier <= 3 ? 2 : 1)
                    .map(d -> d.iqm().name() + "=" + num(d.value()) + " z=" + z(d.z())).toList();
            String largest = "largest deviation" + (top.size() > 1 ? "s " : " ") + String.join(", ", top);
            return head + (tier <= 3
                    ? "no single key IQM far from " + norm + " (n=" + n + "; " + largest + "); the classifier's combination of IQMs decided"
                    : "key IQMs within " + norm + " (n=" + n + "; " + largest + ")");
        }
        return head + describe(far, norm, n);
    }

    private static String describe(List<Deviation> far, String norm, int n) {
        List<String> parts = new ArrayList<>();
        List<String> zs = new ArrayList<>();
        for (boolean high : new boolean[] {true, false}) {
            List<Deviation> side = far.stream().filter(d -> d.z() > 0 == high).toList();
            if (!side.isEmpty()) {
                parts.add(join(side.stream().map(d -> d.iqm().name() + "=" + num(d.value())).toList())
                        + " far " + (high ? "above" : "below"));
                side.forEach(d -> zs.add(z(d.z())));
            }
        }
        Set<String> hints = new LinkedHashSet<>();
        far.forEach(d -> hints.add(d.iqm().hint()));
        return String.join(" and ", parts) + " " + norm + " (n=" + n + "; z=" + String.join(", ", zs) + "), likely "
                + String.join("; ", hints);
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String names() {
        return String.join(", ", KeyIqm.ALL.stream().map(KeyIqm::name).toList());
    }

    /** Three significant digits, plain notation. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String z(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** How a reference is named in reasons: the site's norm, the whole table's, or the global one. */
    static String normName(RobustReference ref, RobustReference global, String site, String globalName) {
        if (ref == global) {
            return globalName;
        }
        return site == null ? "the table norm" : "the site norm of " + site;
    }
}
