package org.neurocurate.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The sites of a cohort. The first eight follow fixed templates chosen to span what multi-site
 * studies see: Siemens, GE and Philips at 1.5 T and 3 T, isotropic and thick-slice (1×1×3) voxels,
 * two defacing sites and two skull-stripping sites. Further sites repeat the templates with seeded
 * changes of scale, noise, bias and protocol.
 *
 * <p>The 1.5 T skull-stripping template (Avanto) keeps the base protocol (tweak 1.0: TR 2.3 s, TI
 * 0.8 s). At 0.9 (TR 2.07 s, TI 0.72 s) the inversion fell near grey matter's null point at 1.5 T
 * (T1 1.1 s): CSF, grey and white matter gave 0.075, 0.093 and 0.267, grey matter nearly as dark as
 * CSF, which no T1w protocol is chosen to give (now 0.075, 0.129, 0.311); even an intensity oracle in
 * the true brain mask then reached grey-matter Dice 0.75–0.81 on generated 1.25 mm scans.
 */
public final class SiteCatalog {

    private static final List<Site> TEMPLATES = List.of(
            new Site("", "Siemens", "Prisma_fit", 3, 1000, 0.012, 0.25, List.of(1.0, 1.0, 1.0), false, false, 1.0),
            new Site("", "GE", "DISCOVERY MR750", 3, 2400, 0.016, 0.40, List.of(1.0, 1.0, 1.0), true, false, 0.95),
            new Site("", "Philips", "Achieva", 1.5, 1600, 0.022, 0.30, List.of(1.0, 1.0, 3.0), false, false, 1.05),
            new Site("", "Siemens", "Avanto", 1.5, 700, 0.020, 0.35, List.of(1.25, 1.25, 1.25), false, true, 1.0),
            new Site("", "Siemens", "Skyra", 3, 1300, 0.014, 0.30, List.of(1.0, 1.0, 1.0), true, false, 1.1),
            new Site("", "GE", "SIGNA Premier", 3, 3000, 0.010, 0.45, List.of(1.0, 1.0, 1.5), false, false, 1.0),
            new Site("", "Philips", "Ingenia", 3, 1800, 0.015, 0.30, List.of(1.0, 1.0, 1.0), false, true, 0.92),
            new Site("", "Siemens", "TrioTim", 3, 900, 0.018, 0.35, List.of(1.0, 1.0, 1.2), false, false, 1.08));

    private SiteCatalog() {
    }

    /**
     * {@code count} sites, ids "site01", "site02", …; sites past the eighth are seeded variations.
     *
     * @param seed only used for sites past the eighth
     */
    public static List<Site> sites(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a cohort needs at least one site, got " + count);
        }
        List<Site> out = new ArrayList<>();
        Random r = new Random(seed ^ 0x5173L);
        for (int s = 0; s < count; s++) {
            Site t = TEMPLATES.get(s % TEMPLATES.size());
            String id = String.format(Locale.ROOT, "site%02d", s + 1);
            if (s < TEMPLATES.size()) {
                out.add(new Site(id, t.manufacturer(), t.model(), t.fieldTesla(), t.intensityScale(), t.noiseFraction(),
                        t.biasSeverity(), t.spacingFactors(), t.deface(), t.skullStrip(), t.protocolTweak()));
            } else {
                out.add(new Site(id, t.manufacturer(), t.model(), t.fieldTesla(),
                        Math.round(t.intensityScale() * (0.6 + 0.8 * r.nextDouble())),
                        t.noiseFraction() * (0.7 + 0.6 * r.nextDouble()), Math.min(1, t.biasSeverity() * (0.7 + 0.6 * r.nextDouble())),
                        t.spacingFactors(), t.deface(), t.skullStrip(), 0.9 + 0.2 * r.nextDouble()));
            }
        }
        return out;
    }
}
