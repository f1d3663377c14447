package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import net.imglib2.type.numeric.integer.ShortType;
import org.junit.jupiter.api.Test;
import org.neurocurate.artifact.BiasField;

/** Site processing and artifacts on simulated scans. */
class ScanSimulatorTest {

    private static List<Site> sites = SiteCatalog.sites(8, 0);

    private static SyntheticSubject subjectAt(Site site) {
        return SubjectGenerator.generate(SubjectGeneratorTest.atAge(8, 45), site, 3, List.of(Contrast.T1W));
    }

    @Test
    void cleanScanIsInt16WithSiteNoiseInTheBackgroundAndTierFive() {
        Site site = sites.get(0);
        SyntheticSubject s = subjectAt(site);
        SimulatedScan scan = ScanSimulator.simulate(s, Contrast.T1W, List.of(), new Random(1));
        assertTrue(scan.image().storedImage().getType() instanceof ShortType, "stored as int16");
        assertEquals(5, scan.tier(), "clean is excellent");
        assertTrue(scan.artifacts().isEmpty());
        float[] img = scan.image().toFloatArray();
        double sum = 0;
        int n = 0;
        for (int v = 0; v < img.length; v++) {
            if (s.tissueAt(v) == Tissue.BACKGROUND) {
                sum += img[v];
                n++;
            }
        }
        // background of a magnitude image is Rayleigh: mean σ√(π/2) > 0, a few units at this site's scale
        assertTrue(sum / n > 1 && sum / n < 30, "background mean " + sum / n);
    }

    @Test
    void skullStrippingSiteZeroesEverythingOutsideTheIntracranialMask() {
        Site site = sites.stream().filter(Site::skullStrip).findFirst().orElseThrow();
        SyntheticSubject s = subjectAt(site);
        SimulatedScan scan = ScanSimulator.simulate(s, Contrast.T1W, List.of(), new Random(2));
        float[] img = scan.image().toFloatArray();
        boolean[] ic = s.intracranialMask();
        long kept = 0;
        for (int v = 0; v < img.length; v++) {
            if (!ic[v]) {
                assertEquals(0f, img[v], "outside the mask");
            } else if (img[v] > 0) {
                kept++;
            }
        }
        assertTrue(scan.skullStripped());
        // dark CSF voxels may round to 0 in int16; 95 % of the mask keeps signal
        assertTrue(kept > 0.95 * count(ic), "brain kept");
    }

    @Test
    void defacingSiteRemovesTheFaceButNoBrain() {
        Site site = sites.stream().filter(Site::deface).findFirst().orElseThrow();
        for (long seed = 0; seed < 4; seed++) {
            SyntheticSubject s = SubjectGenerator.generate(SubjectGeneratorTest.atAge(seed, 30), site, 2, List.of(Contrast.T1W));
            float[] img = ScanSimulator.simulate(s, Contrast.T1W, List.of(), new Random(3)).image().toFloatArray();
            long faceRemoved = 0;
            for (int v = 0; v < img.length; v++) {
                Tissue t = s.tissueAt(v);
                if (t.brainTissue()) {
                    assertTrue(img[v] > 0, "brain voxel " + v + " (" + t + ") was zeroed");
                } else if (t == Tissue.SCALP && img[v] == 0) {
                    faceRemoved++;
                }
            }
            // the face is several hundred ml of soft tissue: at 8 µl per voxel, > 5000 voxels
            assertTrue(faceRemoved > 5000, "soft-tissue voxels removed: " + faceRemoved);
        }
    }

    @Test
    void plannedArtifactsAreAppliedAndSetTheTier() {
        SyntheticSubject s = subjectAt(sites.get(0));
        List<PlannedArtifact> plan = List.of(new PlannedArtifact("motion", 0.8), new PlannedArtifact("noise_gaussian", 0.2));
        SimulatedScan scan = ScanSimulator.simulate(s, Contrast.T1W, plan, new Random(4));
        assertEquals(List.of("motion", "noise_gaussian"), scan.artifacts().stream().map(SimulatedScan.Step::key).toList());
        assertEquals(1, scan.tier(), "motion at 0.8 is unusable");
        SimulatedScan clean = ScanSimulator.simulate(s, Contrast.T1W, List.of(), new Random(4));
        assertFalse(java.util.Arrays.equals(clean.image().toFloatArray(), scan.image().toFloatArray()));
    }

    @Test
    void aBiasArtifactAddsToTheSiteFieldAndNeverUndoesIt() {
        SyntheticSubject s = subjectAt(sites.get(1));
        int flipped = 0;
        for (int seed = 0; seed < 12; seed++) {
            SimulatedScan scan = ScanSimulator.simulate(s, Contrast.T1W, List.of(new PlannedArtifact("bias_field", 0.8)),
                    new Random(seed));
            BiasField.Params site = (BiasField.Params) scan.siteSteps().get(0).params();
            BiasField.Params artifact = (BiasField.Params) scan.artifacts().get(0).params();
            assertTrue(BiasField.centralCovariance(artifact, site) >= 0, "seed " + seed);
            // together they shade the brain at least as strongly as the artifact alone
            BiasField.Params sum = new BiasField.Params(0.8, 3, java.util.stream.IntStream
                    .range(0, site.coefficients().size())
                    .mapToObj(t -> site.coefficients().get(t) + artifact.coefficients().get(t)).toList());
            assertTrue(BiasField.centralLogSd(sum) >= BiasField.centralLogSd(artifact), "seed " + seed);
            // the same draw without the site field decides the sign: count the turned ones
            BiasField.Params drawn = drawnAfterSite(site, seed);
            boolean turned = BiasField.negated(drawn).equals(artifact);
            assertTrue(turned || drawn.equals(artifact), "seed " + seed + ": the drawn field or its mirror image");
            flipped += turned ? 1 : 0;
        }
        assertTrue(flipped > 0 && flipped < 12, "either sign is drawn, some are turned: " + flipped);
    }

    /** The artifact's own draw: the scan's random source after the site field's draw. */
    private static BiasField.Params drawnAfterSite(BiasField.Params site, int seed) {
        Random r = new Random(seed);
        new BiasField().sample(site.severity(), r);
        return new BiasField().sample(0.8, r);
    }

    @Test
    void tierFollowsTheLargestSeverity() {
        assertEquals(5, QualityTier.ofSeverity(0));
        assertEquals(5, QualityTier.ofSeverity(0.099));
        assertEquals(4, QualityTier.ofSeverity(0.1));
        assertEquals(3, QualityTier.ofSeverity(0.3));
        assertEquals(2, QualityTier.ofSeverity(0.5));
        assertEquals(1, QualityTier.ofSeverity(0.75));
        assertEquals(2, QualityTier.of(List.of(new PlannedArtifact("blur", 0.2), new PlannedArtifact("spike", 0.6))));
        assertEquals("spike", QualityTier.reason(List.of(new PlannedArtifact("blur", 0.2), new PlannedArtifact("spike", 0.6))));
    }

    @Test
    void artifactRateSetsTheShareOfCorruptedScans() {
        Random r = new Random(5);
        int corrupted = 0;
        for (int t = 0; t < 2000; t++) {
            corrupted += PlannedArtifact.sample(r, 0.3).isEmpty() ? 0 : 1;
        }
        // binomial(2000, 0.3): SD ≈ 20 scans; ±60 is three SDs
        assertEquals(600, corrupted, 60);
        assertTrue(PlannedArtifact.sample(new Random(6), 0).isEmpty());
    }

    private static long count(boolean[] m) {
        long n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
