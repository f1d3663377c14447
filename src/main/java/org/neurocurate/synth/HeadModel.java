package org.neurocurate.synth;

import java.util.Arrays;
import java.util.Random;

/**
 * The continuous anatomy of one synthetic head: for any point in world space (mm) it gives the
 * fraction of each {@link Tissue} in a voxel of size h around it. Everything is built from signed
 * distances (mm, negative inside) so that layers have thicknesses in mm and partial volume is the
 * clamped ramp f = clamp(1/2 + d_inside/h, 0, 1) across each boundary.
 *
 * <p>Layout (head frame: x right, y anterior, z superior, origin near the brain centre; template sizes
 * in mm before the subject's head scale): cerebrum ellipsoid shrunk by ageing inside an unchanged
 * intracranial cavity (young cerebrum, cerebellum and brainstem + 2 mm of CSF), skull 6 mm, scalp
 * 5 mm, plus face and neck soft tissue. The cortex is folded by sulci: CSF sheets on the zero set of a
 * smooth random field, down to {@link #SULCAL_DEPTH_MM}, each lined by grey matter of the cortical
 * thickness; an interhemispheric fissure splits the hemispheres above the corpus callosum. Deep grey
 * nuclei (thalamus, caudate, putamen), curved lateral ventricles, a cerebellum with folia and white
 * matter core, a brainstem, and white-matter lesions (thresholded smooth field, more likely next to the
 * ventricles) are painted in that order, each replacing what was below it.
 */
final class HeadModel {

    static final double SULCAL_DEPTH_MM = 16;
    private static final double SKULL_MM = 6;
    private static final double SCALP_MM = 5;
    private static final double FOLIA_PERIOD_MM = 4;
    private static final double[] ORIGIN_MM = {0, 3, -4};
    private static final boolean[] INTRACRANIAL = new boolean[Tissue.COUNT];

    static {
        for (Tissue t : Tissue.values()) {
            INTRACRANIAL[t.label()] = t.intracranial();
        }
    }

    private static final Ellipsoid CEREBRUM = new Ellipsoid(0, -8, 10, 62, 76, 54);
    private static final Ellipsoid CEREBELLUM = new Ellipsoid(0, -50, -36, 46, 26, 20);
    private static final Ellipsoid BRAINSTEM = new Ellipsoid(0, -20, -52, 13, 14, 42);
    private static final Ellipsoid FACE = new Ellipsoid(0, 50, -42, 52, 38, 48);
    private static final Ellipsoid NECK = new Ellipsoid(0, -18, -100, 52, 58, 60);
    private static final Ellipsoid VENTRICLE = new Ellipsoid(9, -6, 16, 5.5, 26, 8);
    private static final Ellipsoid[] DEEP_GM = {
        new Ellipsoid(10, -20, 4, 8, 13, 8), new Ellipsoid(13, 12, 14, 5, 11, 8), new Ellipsoid(24, 4, 4, 6, 15, 10)};

    private final double[] rotation; // row-major 3×3, head → world
    private final double[] shift;
    private final double[] scale;
    private final AgeingModel.Effects age;
    private final Ellipsoid cerebrum;
    private final Ellipsoid cerebellum;
    private final Ellipsoid[] icv;
    private final Ellipsoid[] ventricles;
    private final Ellipsoid[] deepGm;
    private final SmoothNoise folding;
    private final SmoothNoise shape;
    private final SmoothNoise lesions;
    private final SmoothNoise texture;

    HeadModel(SubjectParams p) {
        this.rotation = Rotation.matrix(p.rotationDeg());
        this.shift = p.translationMm().stream().mapToDouble(Double::doubleValue).toArray();
        this.scale = p.headScale().stream().mapToDouble(Double::doubleValue).toArray();
        this.age = AgeingModel.effects(p.age(), p.individual());
        this.cerebrum = CEREBRUM.scaled(age.brainScale());
        this.cerebellum = CEREBELLUM.scaled(1 - 0.7 * (1 - age.brainScale()));
        this.icv = new Ellipsoid[] {CEREBRUM.grown(2), CEREBELLUM.grown(2), BRAINSTEM.grown(2)};
        Ellipsoid v = new Ellipsoid(VENTRICLE.cx(), VENTRICLE.cy(), VENTRICLE.cz(), VENTRICLE.ax() * age.ventricleScale(),
                VENTRICLE.ay() * Math.sqrt(age.ventricleScale()), VENTRICLE.az() * age.ventricleScale());
        this.ventricles = new Ellipsoid[] {v, v.mirrored()};
        this.deepGm = new Ellipsoid[2 * DEEP_GM.length];
        for (int d = 0; d < DEEP_GM.length; d++) {
            deepGm[2 * d] = DEEP_GM[d].scaled(age.brainScale());
            deepGm[2 * d + 1] = deepGm[2 * d].mirrored();
        }
        Random r = new Random(p.anatomySeed());
        this.folding = new SmoothNoise(r, 3.5, 95);
        this.shape = new SmoothNoise(r, 14, 130);
        this.lesions = new SmoothNoise(r, 3, 60);
        this.texture = new SmoothNoise(r, 5, 100);
    }

    /** Multiplicative tissue texture at a head-frame point: 1 + 0.03·n, n a smooth unit-SD field. */
    double texture(double[] head) {
        return 1 + 0.03 * texture.at(head[0], head[1], head[2]);
    }

    /**
     * The head-frame point (mm, template size) of world point (x, y, z): p = S⁻¹ Rᵀ (x − t − o), where
     * o = {@link #ORIGIN_MM} centres the template in the 160×192×160 mm field of view.
     */
    void toHead(double x, double y, double z, double[] out) {
        double dx = x - shift[0] - ORIGIN_MM[0];
        double dy = y - shift[1] - ORIGIN_MM[1];
        double dz = z - shift[2] - ORIGIN_MM[2];
        double[] m = rotation;
        out[0] = (m[0] * dx + m[3] * dy + m[6] * dz) / scale[0];
        out[1] = (m[1] * dx + m[4] * dy + m[7] * dz) / scale[1];
        out[2] = (m[2] * dx + m[5] * dy + m[8] * dz) / scale[2];
    }

    /**
     * Tissue fractions (indexed by label, summing to 1) in a voxel of size h mm at head point p.
     *
     * @param f output, length {@link Tissue#COUNT}
     */
    void fractions(double[] p, double h, double[] f) {
        Arrays.fill(f, 0);
        double x = p[0];
        double y = p[1];
        double z = p[2];
        double bump = 2.5 * shape.at(x, y, z);
        double dIcv = Math.min(icv[0].distance(x, y, z) + bump, Math.min(icv[1].distance(x, y, z), icv[2].distance(x, y, z)));
        double dSkull = dIcv - SKULL_MM - 0.5 * bump;
        double dHead = Math.min(dSkull - SCALP_MM, Math.min(FACE.distance(x, y, z), NECK.distance(x, y, z)) + bump);
        double oHead = inside(-dHead, h);
        f[Tissue.BACKGROUND.label()] = 1 - oHead;
        if (oHead == 0) {
            return;
        }
        double oSkull = Math.min(oHead, inside(-dSkull, h));
        double oIc = Math.min(oSkull, inside(-dIcv, h));
        f[Tissue.SCALP.label()] = oHead - oSkull;
        f[Tissue.SKULL.label()] = oSkull - oIc;
        if (oIc > 0) {
            brain(x, y, z, h, bump, f);
            for (int t = 0; t < f.length; t++) {
                if (INTRACRANIAL[t]) {
                    f[t] *= oIc;
                }
            }
        }
    }

    /** Intracranial fractions (summing to 1) at head point (x, y, z). */
    private void brain(double x, double y, double z, double h, double bump, double[] f) {
        double dCb = cerebellum.distance(x, y, z) + 0.4 * bump;
        double dCbr = Math.max(cerebrum.distance(x, y, z) + bump, 1.5 - dCb);
        double depth = -dCbr;
        double c = depth;
        if (depth > -h) {
            double sulcus = Math.abs(folding.at(x, y, z)) / folding.gradientRms() - age.sulcalWidthMm() / 2;
            double fissure = Math.abs(x - 1.5 * bump) - (2 + age.sulcalWidthMm()) / 2;
            double callosum = Math.min(22 - z, Math.min(y + 38, 32 - y));
            c = Math.min(depth, Math.min(Math.max(sulcus, depth - SULCAL_DEPTH_MM), Math.max(fissure, callosum)));
        }
        double oTissue = inside(c, h);
        double oWm = inside(c - age.corticalThicknessMm(), h);
        f[Tissue.CSF.label()] = 1 - oTissue;
        f[Tissue.GM.label()] = oTissue - oWm;
        f[Tissue.WM.label()] = oWm;
        double o = inside(-dCb, h);
        if (o > 0) {
            double folia = Math.abs(Math.sin(Math.PI * (0.87 * z + 0.5 * y + 2 * bump) / FOLIA_PERIOD_MM)) * FOLIA_PERIOD_MM / Math.PI;
            double core = Math.max(inside(-dCb - 8, h), Math.min(inside(-dCb - 3, h), inside(folia - 1.2, h)));
            paint(f, o, Tissue.CEREBELLUM_GM);
            f[Tissue.CEREBELLUM_GM.label()] -= o * core;
            f[Tissue.CEREBELLUM_WM.label()] += o * core;
        }
        paint(f, inside(-BRAINSTEM.distance(x, y, z), h), Tissue.BRAINSTEM);
        if (depth < 12) {
            return;
        }
        double dDeep = Double.MAX_VALUE;
        for (Ellipsoid e : deepGm) {
            dDeep = Math.min(dDeep, e.distance(x, y, z));
        }
        paint(f, inside(-dDeep, h), Tissue.DEEP_GM);
        double bend = 0.012 * (y + 6) * (y + 6);
        double dVent = Math.min(ventricles[0].distance(x, y, z + bend), ventricles[1].distance(x, y, z + bend));
        paint(f, inside(-dVent, h), Tissue.VENTRICLE);
        double wm = f[Tissue.WM.label()];
        if (wm > 0) {
            double field = lesions.at(x, y, z) + 1.3 * Math.exp(-Math.max(0, dVent) / 6);
            double les = wm * inside((field - age.lesionThreshold()) / lesions.gradientRms(), h);
            f[Tissue.WM.label()] = wm - les;
            f[Tissue.LESION.label()] = les;
        }
    }

    /** Scales every fraction by (1 − o) and gives o to {@code t}. */
    private static void paint(double[] f, double o, Tissue t) {
        if (o <= 0) {
            return;
        }
        for (int k = 0; k < f.length; k++) {
            f[k] *= 1 - o;
        }
        f[t.label()] += o;
    }

    /** Fraction of a voxel of size h lying inside, for a point {@code d} mm inside a boundary. */
    static double inside(double d, double h) {
        double v = 0.5 + d / h;
        return v <= 0 ? 0 : v >= 1 ? 1 : v;
    }
}
