package org.neurocurate.learn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.learn.loss.QualityWeights;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

public class PreprocessCacheTest {

    static final PreprocessSettings SMALL = new PreprocessSettings(new int[] {16, 16, 16}, 2.0, 0.5, 99.5);

    /** A 24×20×22 scan at 1.5 mm, stored left-to-right flipped (LAS), with a bright ellipsoid "head". */
    public static Path writeScan(Path dir, String name, double scale, long seed) throws IOException {
        int nx = 24;
        int ny = 20;
        int nz = 22;
        float[] v = new float[nx * ny * nz];
        Random r = new Random(seed);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dx = (x - 11.5) / 9;
                    double dy = (y - 9.5) / 8;
                    double dz = (z - 10.5) / 8;
                    boolean head = dx * dx + dy * dy + dz * dz < 1;
                    v[x + nx * (y + ny * z)] = (float) (scale * ((head ? 100 + x : 5) + r.nextGaussian()));
                }
            }
        }
        Affine las = Affine.fromRows(new double[][] {{-1.5, 0, 0, 18}, {0, 1.5, 0, -15}, {0, 0, 1.5, -16}, {0, 0, 0, 1}});
        Path file = dir.resolve(name);
        NiftiWriter.write(Volume.ofFloats(v, new long[] {nx, ny, nz}, las), file);
        return file;
    }

    @Test
    void preparedGridIsOnTheTrainingGridWithTheHeadMappedToZeroToOne(@TempDir Path tmp) throws IOException {
        Path scan = writeScan(tmp, "a.nii.gz", 1, 1);
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        FloatGrid g = GridFile.read(cache.prepare(scan));
        assertEquals(List.of(16, 16, 16), List.of(g.nx(), g.ny(), g.nz()));
        float[] sorted = g.data().clone();
        Arrays.sort(sorted);
        assertTrue(sorted[0] >= IntensityNormaliser.CLIP_LOW && sorted[sorted.length - 1] <= IntensityNormaliser.CLIP_HIGH);
        // the head spans 100..123 in the source; its robust range maps to [0, 1], so its voxels sit
        // in [0, 1] up to the 0.5 % tails and the background (5) lands below 0
        double centre = g.data()[g.index(8, 8, 8)];
        assertTrue(centre > 0 && centre < 1, "head centre " + centre);
        assertTrue(g.data()[0] < 0, "background corner " + g.data()[0]);
        // RAS: x grows to the right; the source's intensity ramp along its (left-pointing) i axis is
        // 100 + i, so after reorientation intensity must fall with x across the head
        assertTrue(g.data()[g.index(5, 8, 8)] > g.data()[g.index(11, 8, 8)]);
    }

    @Test
    void cacheIsReusedAndKeyedBySourceAndSettings(@TempDir Path tmp) throws IOException {
        Path scan = writeScan(tmp, "a.nii.gz", 1, 1);
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        Path entry = cache.prepare(scan);
        FileTime written = Files.getLastModifiedTime(entry);
        assertEquals(entry, cache.prepare(scan));
        assertEquals(written, Files.getLastModifiedTime(entry), "an existing entry is not rewritten");
        PreprocessCache other = new PreprocessCache(tmp.resolve("cache"),
                new PreprocessSettings(new int[] {16, 16, 16}, 2.5, 0.5, 99.5));
        assertNotEquals(entry, other.entryFor(scan));
        Files.setLastModifiedTime(scan, FileTime.fromMillis(Files.getLastModifiedTime(scan).toMillis() + 60_000));
        assertNotEquals(entry, cache.entryFor(scan), "a modified source gets a new entry");
    }

    @Test
    void normalisationRemovesTheScannerScale(@TempDir Path tmp) throws IOException {
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        FloatGrid a = GridFile.read(cache.prepare(writeScan(tmp, "a.nii.gz", 1, 1)));
        FloatGrid b = GridFile.read(cache.prepare(writeScan(tmp, "b.nii.gz", 7.5, 1)));
        for (int i = 0; i < a.size(); i++) {
            // same anatomy and noise at 7.5× the intensity: equal after normalisation up to the int16
            // quantisation (≤ 2.5/65534 per file) and float rounding of the percentiles
            assertEquals(a.data()[i], b.data()[i], 1e-3f);
        }
    }

    @Test
    void aScanStoredAsOneVolumeOfASeriesIsPreparedAsThreeDAndASeriesIsRefused(@TempDir Path tmp) throws IOException {
        Path scan = writeScan(tmp, "a.nii.gz", 1, 1);
        Volume v = NiftiReader.read(scan);
        long[] d = v.dimensions();
        float[] values = v.toFloatArray();
        Path oneVolume = tmp.resolve("one.nii.gz");
        NiftiWriter.write(Volume.ofFloats(values, new long[] {d[0], d[1], d[2], 1}, v.voxelToWorld()), oneVolume);
        Path series = tmp.resolve("series.nii.gz");
        float[] twice = Arrays.copyOf(values, 2 * values.length);
        System.arraycopy(values, 0, twice, values.length, values.length);
        NiftiWriter.write(Volume.ofFloats(twice, new long[] {d[0], d[1], d[2], 2}, v.voxelToWorld()), series);
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        assertArrayEquals(GridFile.read(cache.prepare(scan)).data(), GridFile.read(cache.prepare(oneVolume)).data());
        IOException e = assertThrows(IOException.class, () -> cache.prepare(series));
        assertTrue(e.getMessage().contains("series.nii.gz") && e.getMessage().contains("3D scan is needed"), e.getMessage());
    }

    @Test
    void aBadFileIsRecordedAndTheOthersAreStillPrepared(@TempDir Path tmp) throws IOException {
        Path good = writeScan(tmp, "good.nii.gz", 1, 1);
        Path bad = tmp.resolve("bad.nii.gz");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        IOException e = assertThrows(IOException.class, () -> cache.prepare(bad));
        assertTrue(e.getMessage().contains("bad.nii.gz"), e.getMessage());
        CachedDataset.Prepared p = CachedDataset.prepare(List.of(new ScanTable.Row(bad, 2, 40),
                new ScanTable.Row(good, 1, 30)), cache, QualityWeights.DEFAULT, ProgressListener.NONE);
        assertEquals(1, p.dataset().size());
        assertEquals(bad, p.failures().get(0).path());
        assertEquals(30, p.dataset().y(0));
        assertEquals(1.0, p.dataset().weight(0));
    }

    @Test
    void parallelPreparationKeepsTheTablesOrder(@TempDir Path tmp) throws IOException {
        Path a = writeScan(tmp, "a.nii.gz", 1, 1);
        Path bad = tmp.resolve("bad.nii");
        Files.write(bad, new byte[400]);
        Path c = writeScan(tmp, "c.nii.gz", 2, 3);
        PreprocessCache cache = new PreprocessCache(tmp.resolve("cache"), SMALL);
        CachedDataset.Prepared p = CachedDataset.prepare(List.of(new ScanTable.Row(a, 1, 20),
                new ScanTable.Row(bad, 1, 30), new ScanTable.Row(c, 2, 40)), cache, QualityWeights.DEFAULT, 2,
                ProgressListener.NONE);
        assertEquals(List.of(a.toString(), c.toString()), List.of(p.dataset().id(0), p.dataset().id(1)));
        assertEquals(40, p.dataset().y(1));
        assertEquals(0.8, p.dataset().weight(1), "tier 2 weight");
        assertEquals(List.of(bad), p.failures().stream().map(CachedDataset.Failure::path).toList());
    }

    @Test
    void gridFileRoundTripsWithinHalfAQuantisationStep(@TempDir Path tmp) throws IOException {
        FloatGrid g = FloatGrid.zeros(5, 4, 3);
        Random r = new Random(2);
        for (int i = 0; i < g.size(); i++) {
            g.data()[i] = (float) (r.nextDouble() * 2.5 - 0.5);
        }
        GridFile.write(tmp.resolve("g.ncgrid"), g);
        FloatGrid back = GridFile.read(tmp.resolve("g.ncgrid"));
        float halfStep = 2.5f / 65534 / 2;
        for (int i = 0; i < g.size(); i++) {
            assertEquals(g.data()[i], back.data()[i], halfStep * 1.01f, "half a step, plus float rounding");
        }
        Files.write(tmp.resolve("t.ncgrid"), Arrays.copyOf(Files.readAllBytes(tmp.resolve("g.ncgrid")), 30));
        assertThrows(IOException.class, () -> GridFile.read(tmp.resolve("t.ncgrid")));
    }

    @Test
    void scansTableReadsPathTierAgeAndSelectsTiers(@TempDir Path tmp) throws IOException {
        Path tsv = tmp.resolve("scans.tsv");
        Files.writeString(tsv, "participant_id\tpath\ttier\tage\nsub-01\ta.nii.gz\t1\t30.5\nsub-02\t/x/b.nii\tn/a\tn/a\n"
                + "sub-03\tc.nii.gz\t3\t70\n");
        List<ScanTable.Row> rows = ScanTable.read(tsv);
        assertEquals(3, rows.size());
        assertEquals(tmp.toAbsolutePath().resolve("a.nii.gz"), rows.get(0).path());
        assertEquals(Path.of("/x/b.nii"), rows.get(1).path());
        assertEquals(0, rows.get(1).tier());
        assertTrue(Double.isNaN(rows.get(1).age()));
        assertEquals(List.of(rows.get(0)), ScanTable.select(rows, java.util.Set.of(1, 2)));
        Files.writeString(tsv, "file\ttier\na\t1\n");
        IOException e = assertThrows(IOException.class, () -> ScanTable.read(tsv));
        assertTrue(e.getMessage().contains("path"));
        Files.writeString(tsv, "path\ttier\na\t9\n");
        assertThrows(IOException.class, () -> ScanTable.read(tsv));
    }
}
