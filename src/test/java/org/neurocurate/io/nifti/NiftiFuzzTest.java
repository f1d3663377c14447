package org.neurocurate.io.nifti;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;
import org.neurocurate.volume.VolumeStatistics;

/**
 * A seeded mutation fuzzer: 10,000 corrupted variants of small valid NIfTI files (generated here, plus
 * the small conformance files when ../shared is present). Each read must either succeed or throw
 * NiftiException; any other exception or error (including OutOfMemoryError) fails, with the seed of
 * the input so it can be replayed.
 */
class NiftiFuzzTest {

    private static final int INPUTS = 10_000;
    private static final long SEED = 20261123L;
    private static final int[] INT16_FIELDS = {40, 42, 44, 46, 48, 70, 72, 252, 254};
    private static final short[] INTERESTING16 = {0, -1, 1, 2, 7, 8, 255, 256, 32767, -32768, 128, 1024};

    @TempDir
    Path dir;

    @Test
    void mutatedFilesOnlyEverRaiseNiftiException() throws IOException {
        List<byte[]> seeds = seedFiles();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int readOk = 0;
        Path file = dir.resolve("fuzz.nii");
        Path gzFile = dir.resolve("fuzz.nii.gz");
        for (int n = 0; n < INPUTS; n++) {
            long inputSeed = random.nextLong();
            Random r = new Random(inputSeed);
            byte[] input = mutate(seeds.get(r.nextInt(seeds.size())), r);
            boolean gz = r.nextInt(3) == 0;
            Path target = gz ? gzFile : file;
            Files.write(target, gz ? (r.nextInt(4) == 0 ? mutateBytes(NiftiBadInputTest.gzip(input), r)
                    : NiftiBadInputTest.gzip(input)) : input);
            try {
                Volume v = NiftiReader.read(target);
                VolumeStatistics.of(v.image());
                readOk++;
            } catch (NiftiException expected) {
                // the contract: a reasoned refusal
            } catch (Throwable t) {
                failures.add("input seed " + inputSeed + ": " + t);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " inputs escaped NiftiException, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(readOk > INPUTS / 20, "the mutations must leave some files readable (" + readOk + ")");
    }

    private List<byte[]> seedFiles() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Random r = new Random(1);
        float[] f = new float[6 * 5 * 4];
        short[] s = new short[f.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) r.nextGaussian();
            s[k] = (short) r.nextInt(4000);
        }
        Affine a = Affine.fromRows(new double[][] {{-2, 0, 0, 10}, {0, 2, 0.1, -20}, {0, 0, 3, 5}});
        seeds.add(written(Volume.ofFloats(f, new long[] {6, 5, 4}, a)));
        seeds.add(written(Volume.of(ArrayImgs.shorts(s, 6, 5, 4), 0.5, 10, a, a.columnNorms(), null)));
        seeds.add(written(Volume.of(ArrayImgs.unsignedBytes(new byte[60], 3, 5, 4), a)));
        seeds.add(written(Volume.ofFloats(new float[2 * 3 * 4 * 2], new long[] {2, 3, 4, 2}, a)));
        String shared = System.getProperty("neurocurate.shared", "../shared");
        for (String name : new String[] {"low_res.nii.gz", "minimal.nii.gz", "hippo.nii.gz", "datatypes/uint16_be.nii"}) {
            Path p = Paths.get(shared, "data", "nifti", name);
            if (Files.isRegularFile(p) && Files.size(p) < 2_000_000) {
                seeds.add(decompressed(p));
            }
        }
        return seeds;
    }

    private byte[] written(Volume v) throws IOException {
        Path p = dir.resolve("seed.nii");
        NiftiWriter.write(v, p);
        return Files.readAllBytes(p);
    }

    private static byte[] decompressed(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        if (raw.length < 2 || raw[0] != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** One of: header field set to an edge value, random byte flips, truncation, junk appended. */
    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int kind = r.nextInt(10);
        if (kind < 4) {
            ByteBuffer buf = ByteBuffer.wrap(b).order(b[0] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int at = INT16_FIELDS[r.nextInt(INT16_FIELDS.length)];
            if (b.length > at + 2) {
                buf.putShort(at, INTERESTING16[r.nextInt(INTERESTING16.length)]);
            }
            if (r.nextBoolean() && b.length > 120) {
                float[] edge = {0, -1, Float.NaN, Float.POSITIVE_INFINITY, 1e30f, 352, 348, 1e9f};
                buf.putFloat(76 + 4 * r.nextInt(12), edge[r.nextInt(edge.length)]);
            }
            return b;
        }
        if (kind < 8) {
            return mutateBytes(b, r);
        }
        if (kind == 8) {
            return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
        }
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
        for (int k = b.length; k < longer.length; k++) {
            longer[k] = (byte) r.nextInt();
        }
        return longer;
    }

    /** Flips 1-8 random bytes, three times out of four inside the first 352 (the header). */
    private static byte[] mutateBytes(byte[] in, Random r) {
        byte[] b = in.clone();
        int flips = 1 + r.nextInt(8);
        for (int k = 0; k < flips && b.length > 0; k++) {
            int bound = r.nextInt(4) > 0 ? Math.min(352, b.length) : b.length;
            b[r.nextInt(bound)] = (byte) r.nextInt();
        }
        return b;
    }
}
