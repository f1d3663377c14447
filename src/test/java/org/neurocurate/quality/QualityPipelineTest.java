package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.artifact.BiasField;
import org.neurocurate.artifact.SignalDropout;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.HeadMask;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.synth.SyntheticSubject;
import org.neurocurate.synth.Tissue;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Level (b): the whole pipeline from the raw image on generated heads ({@link HeadPhantom}, 48³ at
 * 4 mm), against the generator's truth and MRIQC's documented IQM directions.
 */
class QualityPipelineTest {

    private static final HeadPhantom PHANTOM = new HeadPhantom(48, 4);

    private static QcResult run(double noise, double bias, double ghost) throws NoBrainException {
        return QualityPipeline.run(PHANTOM.scan(noise, bias, ghost, 1), QcConfig.DEFAULTS, ProgressListener.NONE);
    }

    @Test
    void cleanScanBrainMaskAndTissuesMatchTheTruth() throws NoBrainException {
        QcResult r = run(15, 0, 0);
        assertTrue(HeadPhantom.dice(r.brain(), PHANTOM.brain) >= 0.95, "brain Dice (issue target 0.95)");
        for (int t = 1; t <= 3; t++) {
            boolean[] got = new boolean[PHANTOM.labels.length];
            boolean[] truth = new boolean[PHANTOM.labels.length];
            for (int i = 0; i < got.length; i++) {
                got[i] = r.tissue().labels()[i] == t;
                truth[i] = PHANTOM.labels[i] == t;
            }
            double dice = HeadPhantom.dice(got, truth);
            assertTrue(dice >= 0.85, "tissue " + t + " Dice " + dice + " (issue target 0.85)");
        }
        assertFalse(r.anonymisation().defaced() || r.anonymisation().skullStripped(), "an intact head is not flagged");
    }

    @Test
    void infiniteAndNanVoxelsCountAsNoSignal() throws NoBrainException {
        Volume clean = PHANTOM.scan(15, 0, 0, 1);
        float[] x = clean.toFloatArray();
        for (int i = 0; i < 50; i++) {
            x[i * 97] = Float.POSITIVE_INFINITY;
        }
        x[x.length / 2] = Float.NaN;
        x[x.length / 3] = Float.NEGATIVE_INFINITY;
        QcResult r = QualityPipeline.run(Volume.ofFloats(x, clean.dimensions(), clean.voxelToWorld()),
                QcConfig.DEFAULTS, ProgressListener.NONE);
        assertTrue(HeadPhantom.dice(r.brain(), PHANTOM.brain) >= 0.95, "brain found despite infinite voxels");
        for (Map.Entry<String, Double> e : r.iqms().entrySet()) {
            assertTrue(Double.isFinite(e.getValue()) || e.getValue().isNaN(), e.getKey() + " = " + e.getValue());
        }
        assertTrue(Double.isFinite(r.iqms().get("snr_total")) && Double.isFinite(r.iqms().get("efc")),
                "snr_total and efc measured");
    }

    /**
     * A 3D scan stored as 4D with one volume (dim[0] = 4, as some converters and tools write it) is
     * the same scan; a real series is refused with its size and what to do.
     */
    @Test
    void aScanStoredAsOneVolumeOfASeriesIsAssessedAsThreeD() throws NoBrainException {
        Volume scan = PHANTOM.scan(15, 0, 0, 1);
        long[] d = scan.dimensions();
        Volume asSeries = Volume.ofFloats(scan.toFloatArray(), new long[] {d[0], d[1], d[2], 1}, scan.voxelToWorld());
        QcResult r = QualityPipeline.run(asSeries, QcConfig.DEFAULTS, ProgressListener.NONE);
        assertEquals(QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE).iqms(), r.iqms());
        float[] two = new float[2 * (int) (d[0] * d[1] * d[2])];
        Volume series = Volume.ofFloats(two, new long[] {d[0], d[1], d[2], 2}, scan.voxelToWorld());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QualityPipeline.run(series, QcConfig.DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("a series of 2 volumes"), e.getMessage());
    }

    @Test
    void noiseLowersSnrAndCnrMonotonically() throws NoBrainException {
        Map<String, Double> low = run(10, 0, 0).iqms();
        Map<String, Double> mid = run(25, 0, 0).iqms();
        Map<String, Double> high = run(50, 0, 0).iqms();
        for (String k : new String[] {"snr_wm", "snr_total", "snrd_total", "cnr"}) {
            assertTrue(low.get(k) > mid.get(k) && mid.get(k) > high.get(k),
                    k + " falls with noise: " + low.get(k) + " > " + mid.get(k) + " > " + high.get(k));
        }
    }

    @Test
    void biasRaisesCjvAndInuRangeMonotonically() throws NoBrainException {
        Map<String, Double> none = run(15, 0, 0).iqms();
        Map<String, Double> mild = run(15, 0.4, 0).iqms();
        Map<String, Double> strong = run(15, 0.8, 0).iqms();
        for (String k : new String[] {"cjv", "inu_range"}) {
            assertTrue(none.get(k) < mild.get(k) && mild.get(k) < strong.get(k),
                    k + " rises with bias: " + none.get(k) + " < " + mild.get(k) + " < " + strong.get(k));
        }
    }

    /**
     * On generated 3 mm heads (1 % Rician noise) inu_range rises with the severity of a bias-field
     * artifact and not with noise. Measured (seeds 1 and 2): severity 0 / 0.3 / 0.6 / 0.9 gave 0.061 /
     * 0.166 / 0.318 / 0.495 and 0.057 / 0.210 / 0.434 / 0.679; noise of 3 % and 6 % of the maximum
     * without a bias field 0.068 / 0.064 and 0.062 / 0.058. The tissue model's own field, reported
     * before {@code N3Field}, gave 0.051 / 0.105 / 0.207 / 0.130 and 0.053 / 0.149 / 0.155 / 0.195, and
     * with noise 0.147 / 0.178 and 0.072 / 0.214.
     */
    @Test
    void inuRangeRisesWithABiasFieldAndNotWithNoiseOnGeneratedHeads() throws NoBrainException {
        for (long seed = 1; seed <= 2; seed++) {
            Volume head = SubjectGenerator.generate(seed, 3).image(Contrast.T1W);
            double clean = inuRange(HeadPhantom.withRicianNoise(head, 0.01, seed));
            double previous = clean;
            for (double severity : new double[] {0.3, 0.6, 0.9}) {
                BiasField field = new BiasField();
                Volume biased = field.apply(head, field.sample(severity, new Random(31 * seed)));
                double inu = inuRange(HeadPhantom.withRicianNoise(biased, 0.01, seed));
                assertTrue(inu > previous, "seed " + seed + ": inu_range rises with bias severity " + severity + ": "
                        + previous + " -> " + inu);
                previous = inu;
            }
            for (double noise : new double[] {0.03, 0.06}) {
                double inu = inuRange(HeadPhantom.withRicianNoise(head, noise, seed));
                assertTrue(inu < 1.25 * clean, "seed " + seed + ": noise of " + noise + " of the maximum is no bias field: inu_range "
                        + inu + " against " + clean + " at 0.01");
            }
        }
    }

    private static double inuRange(Volume scan) throws NoBrainException {
        return QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE).iqms().get("inu_range");
    }

    /**
     * Ghosts weaker than the head threshold but above Mortamet's z = 10 in the air (low noise, σ = 5)
     * are what qi_1 can see; brighter ghosts join the head mask, as with MRIQC's masks.
     */
    @Test
    void ghostingRaisesEfcAndQi1() throws NoBrainException {
        QcResult weak = QualityPipeline.run(PHANTOM.scan(5, 0, 0.06, 1), QcConfig.DEFAULTS, ProgressListener.NONE);
        QcResult mid = QualityPipeline.run(PHANTOM.scan(5, 0, 0.10, 1), QcConfig.DEFAULTS, ProgressListener.NONE);
        QcResult strong = QualityPipeline.run(PHANTOM.scan(5, 0, 0.14, 1), QcConfig.DEFAULTS, ProgressListener.NONE);
        double[] efc = {weak.iqms().get("efc"), mid.iqms().get("efc"), strong.iqms().get("efc")};
        double[] qi1 = {weak.iqms().get("qi_1"), mid.iqms().get("qi_1"), strong.iqms().get("qi_1")};
        assertTrue(efc[0] < efc[1] && efc[1] < efc[2], "efc rises with ghosting: " + java.util.Arrays.toString(efc));
        assertTrue(qi1[0] <= qi1[1] && qi1[1] < qi1[2] && qi1[2] > 0, "qi_1 rises with ghosting: " + java.util.Arrays.toString(qi1));
    }

    @Test
    void skullStrippedScanIsFlaggedAndHasNoUndefinedIqm() throws NoBrainException {
        Volume scan = PHANTOM.scan(15, 0, 0, 2);
        float[] img = scan.toFloatArray();
        for (int i = 0; i < img.length; i++) {
            if (!PHANTOM.brain[i]) {
                img[i] = 0;
            }
        }
        QcResult r = QualityPipeline.run(Volume.ofFloats(img, new long[] {48, 48, 48}, PHANTOM.affine()),
                QcConfig.DEFAULTS, ProgressListener.NONE);
        assertTrue(r.anonymisation().skullStripped());
        r.row().forEach((k, v) -> assertFalse(Double.isNaN(v), k + " is NaN"));
        assertEquals(-1, r.iqms().get("fber"), 0, "no background energy: MRIQC's -1");
    }

    /**
     * Stripped input keeps the stripping tool's mask even where its outermost CSF is darker than the
     * head mask's threshold (here a sixth of its value, 4 % of white matter): the head mask then leaves
     * that CSF out, and before the head's one-voxel shell was left out of the zero test too this scan went
     * unflagged (and its brain mask was peeled as if the dark CSF were skull).
     */
    @Test
    void skullStrippedScanWithDarkOuterCsfKeepsItsWholeMask() throws NoBrainException {
        float[] img = PHANTOM.scan(15, 0, 0, 2).toFloatArray();
        for (int i = 0; i < img.length; i++) {
            img[i] = !PHANTOM.brain[i] ? 0 : PHANTOM.labels[i] == 1 ? img[i] / 6 : img[i];
        }
        Volume scan = Volume.ofFloats(img, new long[] {48, 48, 48}, PHANTOM.affine());
        boolean[] head = HeadMask.compute(img, new Grid3(48, 48, 48, new double[] {4, 4, 4}));
        assertTrue(HeadPhantom.dice(head, PHANTOM.brain) < 0.97, "the head mask leaves the dark CSF out");
        QcResult r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
        assertTrue(r.anonymisation().skullStripped());
        assertEquals(1, HeadPhantom.dice(r.brain(), PHANTOM.brain), 1e-9, "brain mask = the stripping mask");
    }

    /**
     * An intact head whose air was zeroed (masked) passes the zero-air test too, but the skull peel
     * takes scalp and skull off it (a shell of about 15 mm mean thickness, against 4–8 mm on stripped
     * scans): not flagged, and the brain mask is peeled, not the whole head.
     */
    @Test
    void anIntactHeadWithZeroedAirIsNotTakenForAStrippedBrain() throws NoBrainException {
        SyntheticSubject s = SubjectGenerator.generate(1, 3);
        Volume noisy = HeadPhantom.withRicianNoise(s.image(Contrast.T1W), 0.01, 1);
        float[] img = noisy.toFloatArray();
        for (int i = 0; i < img.length; i++) {
            img[i] = s.tissueAt(i) == Tissue.BACKGROUND ? 0 : img[i];
        }
        Volume zeroedAir = Volume.ofFloats(img, noisy.dimensions(), noisy.voxelToWorld());
        QcResult r = QualityPipeline.run(zeroedAir, QcConfig.DEFAULTS, ProgressListener.NONE);
        assertFalse(r.anonymisation().skullStripped(), "an intact head is not flagged skull-stripped");
        double dice = HeadPhantom.dice(r.brain(), s.intracranialMask());
        assertTrue(dice >= 0.95, "brain Dice " + dice);
    }

    @Test
    void defacedScanIsFlaggedWithItsAnonymisationMask() throws NoBrainException {
        Volume scan = PHANTOM.scan(15, 0, 0, 3);
        float[] img = scan.toFloatArray();
        int n = PHANTOM.n;
        double c = (n - 1) / 2.0;
        long zeroed = 0;
        for (int z = 0, v = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, v++) {
                    double py = (y - c) * PHANTOM.voxelMm;
                    double pz = (z - c) * PHANTOM.voxelMm;
                    if (!PHANTOM.brain[v] && py > 40 && pz < 10 && pz > -70) {
                        img[v] = 0;
                        zeroed++;
                    }
                }
            }
        }
        QcResult r = QualityPipeline.run(Volume.ofFloats(img, new long[] {n, n, n}, PHANTOM.affine()),
                QcConfig.DEFAULTS, ProgressListener.NONE);
        assertTrue(r.anonymisation().defaced(), "face region zeroed (" + zeroed + " voxels)");
        long masked = 0;
        for (boolean b : r.anonymisation().mask()) {
            masked += b ? 1 : 0;
        }
        assertTrue(masked > 0.3 * zeroed, "the anonymisation mask covers the zeroed face: " + masked + " of " + zeroed);
        r.row().forEach((k, v) -> assertFalse(Double.isNaN(v), k + " is NaN"));
    }

    @Test
    void aHeadCutApartByABlackSlabFailsNamingTheDropout() {
        Volume head = SubjectGenerator.generate(1, 4).image(Contrast.T1W);
        // a coronal slab of 30 % of the field of view through the middle, its signal all gone
        Volume cut = new SignalDropout().apply(head, new SignalDropout.Params(1, 1, 0.5, 0.3, 1));

        NoBrainException e = assertThrows(NoBrainException.class,
                () -> QualityPipeline.run(cut, QcConfig.DEFAULTS, ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith("no brain found (brain mask "), e.getMessage());
        assertTrue(e.getMessage().contains("; slice_dropout 0.9"), e.getMessage());
    }

    @Test
    void aMissingBrainNamesTheDropoutOnlyWhenASlabLostMostOfItsSignal() {
        assertEquals("no brain found (brain mask 43 cm3, need 200)", QualityPipeline.noBrain(43.2, 0.49));
        assertEquals("no brain found (brain mask 43 cm3, need 200)", QualityPipeline.noBrain(43.2, Double.NaN));
        assertEquals("no brain found (brain mask 43 cm3, need 200); slice_dropout 0.50: a slab of slices lost most of"
                + " its signal and may have cut the head apart", QualityPipeline.noBrain(43.2, 0.5));
    }

    @Test
    void fourDimensionalInputIsRefused() {
        Volume v = Volume.ofFloats(new float[16], new long[] {2, 2, 2, 2}, Affine.identity());
        assertThrows(IllegalArgumentException.class, () -> QualityPipeline.run(v, QcConfig.DEFAULTS, ProgressListener.NONE));
    }
}
