package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.Tissue;
import org.neurocurate.volume.Volume;

/**
 * Head and air masks of the whole pipeline on generated 4 mm scans (cohort seed 3, whose grids end in
 * the top or side of the head) against the generator's labels: the air holds no head, and it samples
 * the scan's noise as it is.
 */
class GeneratedCohortAirMaskTest {

    @TempDir
    static Path cohort;

    @BeforeAll
    static void generate() throws IOException {
        CohortSpec spec = CohortSpec.defaults().withSubjects(3).withSeed(3).withSites(3).withGridMm(4).withArtifactRate(0);
        CohortGenerator.generate(spec, cohort, ProgressListener.NONE);
    }

    /**
     * Where the field of view cuts the head the head mask keeps it up to the grid's faces, and the air
     * holds no head. The head mask lost the two outermost layers there, which above the hat's plane
     * became air: 468, 159 and 905 voxels of head in the air of these three scans (sub-003, 4×4×12 mm,
     * had the top of its head, 137 intracranial voxels among them, in the air).
     */
    @Test
    void aHeadTheFieldOfViewCutsStaysOutOfTheAir() throws IOException, NoBrainException {
        for (int s = 1; s <= 3; s++) {
            String id = String.format("sub-%03d", s);
            Volume scan = HeadPhantom.cohortScan(cohort, id);
            float[] truth = HeadPhantom.cohortTruth(cohort, id);
            QcResult r = QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
            long headInAir = 0;
            long headOnFaces = 0;
            long keptOnFaces = 0;
            long[] d = scan.dimensions();
            for (int z = 0, v = 0; z < d[2]; z++) {
                for (int y = 0; y < d[1]; y++) {
                    for (int x = 0; x < d[0]; x++, v++) {
                        boolean head = isHead(truth[v]);
                        headInAir += head && r.background().air()[v] ? 1 : 0;
                        boolean face = x == 0 || y == 0 || z == 0 || x == d[0] - 1 || y == d[1] - 1 || z == d[2] - 1;
                        if (head && face) {
                            headOnFaces++;
                            keptOnFaces += r.background().head()[v] ? 1 : 0;
                        }
                    }
                }
            }
            assertTrue(headOnFaces > 100, id + ": the grid should cut the head (" + headOnFaces + " voxels on its faces)");
            assertTrue(headInAir < 10, id + ": " + headInAir + " voxels of head in the air mask");
            assertTrue(keptOnFaces >= 0.95 * headOnFaces,
                    id + ": head mask holds " + keptOnFaces + " of the " + headOnFaces + " head voxels on the grid's faces");
        }
    }

    /**
     * Rician noise of σ 5, 10 and 15 % of the maximum added to a clean 4 mm scan: the air mask's mean
     * is within 4 % of the noisy image's mean over the air the generator made (voxels two or more voxels
     * from any voxel of head), and the air mask keeps at least three quarters of its clean size. Where
     * the noise reached above the head mask's threshold, the head took the air's brighter voxels and the
     * air its darker ones, minus the head the field of view cut: summary_bg_mean was 1.07-1.45 times that
     * mean, and the air at 10 % held 14,328 voxels (26,912 clean).
     */
    @Test
    void theAirSamplesTheNoiseOfANoisyScan() throws IOException, NoBrainException {
        Volume clean = HeadPhantom.cohortScan(cohort, "sub-002");
        float[] truth = HeadPhantom.cohortTruth(cohort, "sub-002");
        long[] d = clean.dimensions();
        boolean[] farAir = farFromHead(truth, (int) d[0], (int) d[1], (int) d[2], 2);
        float[] x0 = clean.toFloatArray();
        float max = 0;
        for (float f : x0) {
            max = Math.max(max, f);
        }
        long cleanAir = -1;
        for (double fraction : new double[] {0, 0.05, 0.10, 0.15}) {
            float[] x = x0.clone();
            Random random = new Random(7);
            double sigma = fraction * max;
            if (fraction > 0) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) Math.hypot(x[i] + sigma * random.nextGaussian(), sigma * random.nextGaussian());
                }
            }
            double sum = 0;
            long n = 0;
            for (int i = 0; i < x.length; i++) {
                if (farAir[i]) {
                    sum += x[i];
                    n++;
                }
            }
            QcResult r = QualityPipeline.run(Volume.ofFloats(x, d, clean.voxelToWorld()), QcConfig.DEFAULTS,
                    ProgressListener.NONE);
            long air = 0;
            for (boolean b : r.background().air()) {
                air += b ? 1 : 0;
            }
            cleanAir = cleanAir < 0 ? air : cleanAir;
            double ratio = r.iqms().get("summary_bg_mean") / (sum / n);
            String at = "noise " + fraction + " of the maximum: ";
            assertTrue(Math.abs(ratio - 1) < 0.04, at + "summary_bg_mean / mean of the true air = " + ratio);
            assertTrue(air >= 0.75 * cleanAir, at + "air mask " + air + " voxels, clean " + cleanAir);
        }
    }

    private static boolean isHead(float label) {
        return Tissue.ofLabel(Math.round(label)) != Tissue.BACKGROUND;
    }

    /** Voxels at least {@code r} voxels (in each axis) from every voxel the generator labels head. */
    private static boolean[] farFromHead(float[] truth, int nx, int ny, int nz, int r) {
        boolean[] out = new boolean[truth.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean far = true;
                    for (int dz = -r; dz <= r && far; dz++) {
                        for (int dy = -r; dy <= r && far; dy++) {
                            for (int dx = -r; dx <= r && far; dx++) {
                                int xx = x + dx;
                                int yy = y + dy;
                                int zz = z + dz;
                                boolean inside = xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz;
                                far = !inside || !isHead(truth[xx + nx * (yy + ny * zz)]);
                            }
                        }
                    }
                    out[x + nx * (y + ny * z)] = far;
                }
            }
        }
        return out;
    }
}
