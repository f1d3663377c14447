package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neurocurate.volume.Volume;

/** Anatomy, partial volumes, ageing and contrasts of single synthetic subjects. */
class SubjectGeneratorTest {

    private static final Site SITE = SiteCatalog.sites(1, 0).get(0);

    /** The subject drawn from {@code seed}, at a chosen age. */
    static SubjectParams atAge(long seed, double age) {
        SubjectParams p = SubjectParams.sample("sub-test", new Random(seed), 1, 18, 90);
        return new SubjectParams(p.participantId(), age, p.sex(), 0, p.headScale(), p.rotationDeg(), p.translationMm(),
                p.individual(), p.anatomySeed());
    }

    @Test
    void everyTissueClassAppearsInTheLabelsOfAnOldSubject() {
        SyntheticSubject s = SubjectGenerator.generate(atAge(3, 85), SITE, 2, List.of(Contrast.T1W));
        Set<Tissue> seen = EnumSet.noneOf(Tissue.class);
        for (int v = 0; v < s.grid().size(); v++) {
            seen.add(s.tissueAt(v));
        }
        assertEquals(EnumSet.allOf(Tissue.class), seen);
        assertArrayEquals(new long[] {80, 96, 80}, s.labels().dimensions(), "160×192×160 mm at 2 mm");
    }

    @Test
    void tissueVolumesAreAdultSized() {
        for (long seed = 0; seed < 3; seed++) {
            SyntheticSubject s = SubjectGenerator.generate(atAge(seed, 30), SITE, 3, List.of(Contrast.T1W));
            // adult intracranial volume is 1.1-1.8 l; young grey matter outweighs CSF
            assertTrue(s.intracranialMl() > 1000 && s.intracranialMl() < 1900, "ICV " + s.intracranialMl());
            assertTrue(s.volumeMl(Tissue.GM) > s.volumeMl(Tissue.CSF), "GM vs CSF at 30");
            // lateral ventricles of healthy 30-year-olds: roughly 7-40 ml
            assertTrue(s.volumeMl(Tissue.VENTRICLE) > 5 && s.volumeMl(Tissue.VENTRICLE) < 60, "ventricles " + s.volumeMl(Tissue.VENTRICLE));
        }
    }

    @Test
    void partialVolumeTotalsAgreeWithLabelCountsForLargeStructures() {
        SyntheticSubject s = SubjectGenerator.generate(atAge(5, 60), SITE, 2, List.of(Contrast.T1W));
        double[] counted = new double[Tissue.COUNT];
        for (int v = 0; v < s.grid().size(); v++) {
            counted[s.tissueAt(v).label()] += s.grid().voxelMl();
        }
        for (Tissue t : List.of(Tissue.WM, Tissue.VENTRICLE, Tissue.SKULL, Tissue.BACKGROUND)) {
            // argmax labels shift thin boundaries by up to half a voxel: within 12 % for bulky classes
            assertEquals(s.volumeMl(t), counted[t.label()], 0.12 * s.volumeMl(t), t.name());
        }
    }

    @Test
    void ageingShrinksTheBrainAndEnlargesTheVentriclesMonotonically() {
        double[] ages = {20, 40, 60, 80};
        double previousVent = 0;
        double previousCsf = 0;
        double previousGm = Double.MAX_VALUE;
        double previousLesion = -1;
        for (double age : ages) {
            SyntheticSubject s = SubjectGenerator.generate(atAge(11, age), SITE, 3, List.of(Contrast.T1W));
            assertTrue(s.volumeMl(Tissue.VENTRICLE) > previousVent, "ventricles at " + age);
            assertTrue(s.volumeMl(Tissue.CSF) > previousCsf, "CSF at " + age);
            assertTrue(s.volumeMl(Tissue.GM) < previousGm, "grey matter at " + age);
            assertTrue(s.volumeMl(Tissue.LESION) >= previousLesion, "lesions at " + age);
            previousVent = s.volumeMl(Tissue.VENTRICLE);
            previousCsf = s.volumeMl(Tissue.CSF);
            previousGm = s.volumeMl(Tissue.GM);
            previousLesion = s.volumeMl(Tissue.LESION);
        }
        SyntheticSubject young = SubjectGenerator.generate(atAge(11, 20), SITE, 3, List.of(Contrast.T1W));
        assertTrue(previousVent > 2 * young.volumeMl(Tissue.VENTRICLE), "ventricles at 80 at least double those at 20");
        assertTrue(previousLesion > 2, "an 80-year-old has lesions: " + previousLesion + " ml");
    }

    @Test
    void contrastsOrderTissuesAsRealScansDo() {
        SyntheticSubject s = SubjectGenerator.generate(atAge(4, 85), SITE, 2, List.of(Contrast.values()));
        double[] t1 = meanByTissue(s, Contrast.T1W);
        double[] t2 = meanByTissue(s, Contrast.T2W);
        double[] flair = meanByTissue(s, Contrast.FLAIR);
        double[] pd = meanByTissue(s, Contrast.PDW);
        int csf = Tissue.VENTRICLE.label();
        int gm = Tissue.GM.label();
        int wm = Tissue.WM.label();
        assertTrue(t1[wm] > t1[gm] && t1[gm] > t1[csf], "T1w: WM > GM > CSF " + Arrays.toString(t1));
        assertTrue(t2[csf] > t2[gm] && t2[gm] > t2[wm], "T2w: CSF > GM > WM " + Arrays.toString(t2));
        assertTrue(flair[Tissue.LESION.label()] > 1.5 * flair[wm] && flair[csf] < 0.3 * flair[wm], "FLAIR " + Arrays.toString(flair));
        assertTrue(pd[gm] > pd[wm], "PDw: GM > WM");
    }

    private static double[] meanByTissue(SyntheticSubject s, Contrast c) {
        float[] img = s.image(c).toFloatArray();
        double[] sum = new double[Tissue.COUNT];
        double[] n = new double[Tissue.COUNT];
        for (int v = 0; v < img.length; v++) {
            sum[s.tissueAt(v).label()] += img[v];
            n[s.tissueAt(v).label()]++;
        }
        for (int t = 0; t < sum.length; t++) {
            sum[t] /= Math.max(1, n[t]);
        }
        return sum;
    }

    @Test
    void sameSeedGivesTheSameSubjectAndAnotherSeedDiffers() {
        SyntheticSubject a = SubjectGenerator.generate(21, 4);
        SyntheticSubject b = SubjectGenerator.generate(21, 4);
        SyntheticSubject c = SubjectGenerator.generate(22, 4);
        assertArrayEquals(a.image(Contrast.T1W).toFloatArray(), b.image(Contrast.T1W).toFloatArray());
        assertArrayEquals(a.labels().toFloatArray(), b.labels().toFloatArray());
        assertFalse(Arrays.equals(a.labels().toFloatArray(), c.labels().toFloatArray()));
    }

    @Test
    void thickSliceSitesScanOnAnAnisotropicGrid() {
        Site thick = SiteCatalog.sites(3, 0).get(2);
        SyntheticSubject s = SubjectGenerator.generate(atAge(1, 50), thick, 2, List.of(Contrast.T1W));
        Volume img = s.image(Contrast.T1W);
        assertArrayEquals(new double[] {2, 2, 6}, img.spacing(), 1e-12);
        assertArrayEquals(new long[] {80, 96, 27}, img.dimensions(), "160/6 mm rounds to 27 slices");
        // the same anatomy on either grid: ICV within 5 % (partial volume differs with voxel shape)
        SyntheticSubject iso = SubjectGenerator.generate(atAge(1, 50), SITE, 2, List.of(Contrast.T1W));
        assertEquals(iso.intracranialMl(), s.intracranialMl(), 0.05 * iso.intracranialMl());
    }
}
