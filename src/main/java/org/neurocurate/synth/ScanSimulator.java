package org.neurocurate.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;
import org.neurocurate.artifact.Artifact;
import org.neurocurate.artifact.ArtifactParams;
import org.neurocurate.artifact.Artifacts;
import org.neurocurate.artifact.BiasField;
import org.neurocurate.artifact.Defacing;
import org.neurocurate.artifact.NoiseParams;
import org.neurocurate.artifact.RicianNoise;
import org.neurocurate.volume.Volume;

/**
 * Turns a subject's clean contrast into the scan a site delivers. In the order physics and pipelines
 * apply them: the site's bias field; the scan's object-side artifacts (bias, dropout), then its
 * acquisition artifacts (motion, ghosting, spike, Gibbs, blur); the site's Rician noise; the scan's
 * noise artifacts; then the site's processing — defacing, skull-stripping — and rounding to int16.
 */
public final class ScanSimulator {

    /** Defacing severity of defacing sites (cut 0.3 of the head's anterior-inferior reach: the face, not the brain). */
    static final double SITE_DEFACE_SEVERITY = 0.6;

    private static final List<String> ORDER = List.of("bias_field", "dropout", "motion", "ghosting", "spike", "gibbs",
            "blur", "noise_gaussian", "noise_rician");

    private ScanSimulator() {
    }

    /**
     * Simulates one scan.
     *
     * @param plan this scan's artifacts (may be empty)
     * @param random the scan's random source (bias field, artifact parameters, noise seeds)
     */
    public static SimulatedScan simulate(SyntheticSubject subject, Contrast contrast, List<PlannedArtifact> plan,
            Random random) {
        Site site = subject.site();
        List<PlannedArtifact> ordered = new ArrayList<>(plan);
        ordered.sort(Comparator.comparingInt(p -> ORDER.indexOf(p.key())));
        List<SimulatedScan.Step> siteSteps = new ArrayList<>();
        List<SimulatedScan.Step> steps = new ArrayList<>();
        Volume v = subject.image(contrast);
        BiasField.Params siteBias = new BiasField().sample(site.biasSeverity(), random);
        siteSteps.add(new SimulatedScan.Step("bias_field", siteBias));
        v = new BiasField().apply(v, siteBias);
        int t = 0;
        for (; t < ordered.size() && !ordered.get(t).key().startsWith("noise"); t++) {
            if (ordered.get(t).key().equals("bias_field")) {
                v = biasArtifact(v, ordered.get(t).severity(), siteBias, random, steps);
                continue;
            }
            v = step(Artifacts.byKey(ordered.get(t).key()).orElseThrow(), v, ordered.get(t).severity(), random, steps);
        }
        NoiseParams noise = new NoiseParams(Math.min(1, site.noiseFraction() / 0.15), site.noiseFraction(),
                random.nextLong());
        v = new RicianNoise().apply(v, noise);
        siteSteps.add(new SimulatedScan.Step("noise_rician", noise));
        for (; t < ordered.size(); t++) {
            v = step(Artifacts.byKey(ordered.get(t).key()).orElseThrow(), v, ordered.get(t).severity(), random, steps);
        }
        if (site.deface()) {
            v = step(new Defacing(), v, SITE_DEFACE_SEVERITY, random, siteSteps);
        }
        float[] values = v.toFloatArray();
        if (site.skullStrip()) {
            boolean[] keep = subject.intracranialMask();
            for (int i = 0; i < values.length; i++) {
                values[i] = keep[i] ? values[i] : 0;
            }
        }
        return new SimulatedScan(toInt16(values, v), Protocol.of(contrast, site), siteSteps, steps, plan,
                site.deface(), site.skullStrip());
    }

    /**
     * A bias-field artifact on top of the site's own field, turned (sign of every coefficient) so
     * that it adds to the site's shading over the brain rather than undoing it: otherwise a severe
     * artifact can cancel the site field and leave a scan shaded less than the site's clean ones,
     * while its true tier says unusable. Either sign is an equally likely draw, so the artifact's
     * shapes and strengths are unchanged; only their relation to the site field is fixed.
     */
    private static Volume biasArtifact(Volume v, double severity, BiasField.Params siteBias, Random r,
            List<SimulatedScan.Step> log) {
        BiasField.Params p = new BiasField().sample(severity, r);
        if (BiasField.centralCovariance(p, siteBias) < 0) {
            p = BiasField.negated(p);
        }
        log.add(new SimulatedScan.Step("bias_field", p));
        return new BiasField().apply(v, p);
    }

    private static <P extends ArtifactParams> Volume step(Artifact<P> a, Volume v, double severity, Random r,
            List<SimulatedScan.Step> log) {
        P p = a.sample(severity, r);
        log.add(new SimulatedScan.Step(a.key(), p));
        return a.apply(v, p);
    }

    /** Rounds to int16 as a scanner stores magnitude images: clamped to [0, 32767], slope 1. */
    private static Volume toInt16(float[] values, Volume like) {
        short[] s = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = (short) Math.max(0, Math.min(Short.MAX_VALUE, Math.round(values[i])));
        }
        return Volume.of(ArrayImgs.shorts(s, like.dimensions()), like.voxelToWorld());
    }
}
