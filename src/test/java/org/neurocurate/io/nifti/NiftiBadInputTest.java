package org.neurocurate.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;
import org.neurocurate.volume.VolumeStatistics;

/** Every kind of broken file gives a NiftiException that names the file and the reason. */
class NiftiBadInputTest {

    @TempDir
    Path dir;

    private byte[] valid;

    @BeforeEach
    void writeValidFile() throws IOException {
        float[] data = new float[8 * 8 * 8];
        Arrays.fill(data, 1.5f);
        Path file = dir.resolve("valid.nii");
        NiftiWriter.write(Volume.ofFloats(data, new long[] {8, 8, 8}, Affine.identity()), file);
        valid = Files.readAllBytes(file);
    }

    private NiftiException refused(String name, byte[] content, String reason) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "the message names the file: " + e.getMessage());
        assertTrue(e.reason().contains(reason), "expected '" + reason + "' in: " + e.reason());
        return e;
    }

    private byte[] withShort(int offset, int value) {
        byte[] b = valid.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return b;
    }

    @Test
    void truncatedVoxelData() throws IOException {
        refused("cut.nii", Arrays.copyOf(valid, valid.length - 100), "truncated");
        refused("header-only.nii", Arrays.copyOf(valid, 200), "truncated");
        refused("cut.nii.gz", Arrays.copyOf(gzip(valid), gzip(valid).length / 2), "truncated");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] b = valid.clone();
        b[344] = 'x';
        refused("magic.nii", b, "wrong magic");
    }

    @Test
    void sizeofHdrMismatch() throws IOException {
        byte[] b = valid.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 349);
        refused("size.nii", b, "sizeof_hdr");
    }

    @Test
    void negativeAndZeroDims() throws IOException {
        refused("neg.nii", withShort(42, -8), "dim[1] = -8");
        refused("zero.nii", withShort(44, 0), "dim[2] = 0");
        refused("ndim.nii", withShort(40, 9), "dim[0] = 9");
    }

    @Test
    void absurdDimsAreRefusedBeforeAllocation() throws IOException {
        byte[] nifti2 = new byte[544 + 16];
        ByteBuffer b = ByteBuffer.wrap(nifti2).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 540);
        b.put(4, new byte[] {'n', '+', '2', 0, '\r', '\n', 0x1a, '\n'});
        b.putShort(12, (short) 16);
        b.putShort(14, (short) 32);
        b.putLong(16, 3);
        for (int d = 1; d <= 3; d++) {
            b.putLong(16 + 8 * d, 100_000);
        }
        b.putLong(168, 544);
        long before = usedHeap();
        refused("huge.nii", nifti2, "samples, more than one array can hold");
        assertTrue(usedHeap() - before < 64 << 20, "nothing large was allocated");
        b.putLong(16 + 8, 1000);
        b.putLong(16 + 16, 1000);
        b.putLong(16 + 24, 1000); // 4 GB of float32 claimed in 16 bytes of data
        refused("big.nii", nifti2, "needs 4000000000 bytes");
        b.putLong(16 + 24, 100); // 400 MB: fits an array but not the file
        refused("short.nii", nifti2, "truncated");
        refused("short.nii.gz", gzip(nifti2), "cannot come from a");
        refused("overflow.nii", withShort(42, 32767), "truncated");
    }

    @Test
    void unsupportedDatatype() throws IOException {
        refused("complex.nii", withShort(70, 32), "unsupported datatype complex64 (32)");
        refused("code.nii", withShort(70, 7), "unsupported datatype code 7");
    }

    @Test
    void gzNameWithoutGzipContent() throws IOException {
        refused("plain.nii.gz", valid, "not gzip");
    }

    @Test
    void corruptGzipStream() throws IOException {
        byte[] gz = gzip(valid);
        for (int k = 20; k < gz.length - 8; k++) {
            gz[k] = (byte) 0xff;
        }
        refused("corrupt.nii.gz", gz, "gzip");
    }

    @Test
    void missingFileAndBadVoxOffset() throws IOException {
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(dir.resolve("none.nii")));
        assertEquals("no such file", e.reason());
        byte[] b = valid.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, Float.NaN);
        refused("offset.nii", b, "vox_offset");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 1e6f);
        refused("far.nii", b, "truncated");
    }

    @Test
    void nonFiniteVoxelsAreCountedOrRefusedOnRequest() throws IOException {
        float[] data = new float[27];
        Arrays.fill(data, 2f);
        data[4] = Float.NaN;
        data[13] = Float.POSITIVE_INFINITY;
        Path file = dir.resolve("nan.nii.gz");
        NiftiWriter.write(Volume.ofFloats(data, new long[] {3, 3, 3}, Affine.identity()), file);
        VolumeStatistics s = VolumeStatistics.of(NiftiReader.read(file).image());
        assertEquals(2, s.nonFinite(), "kept by default, as nibabel, and counted");
        assertEquals(2.0, s.mean(), "statistics over finite voxels only");
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(file, ReadOptions.STRICT));
        assertTrue(e.reason().contains("2 non-finite voxel value(s)") && e.reason().contains("[1, 1, 0]"), e.reason());
    }

    @Test
    void nonFiniteAffineIsRefused() throws IOException {
        byte[] b = valid.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(280, Float.POSITIVE_INFINITY);
        refused("inf-affine.nii", b, "non-finite");
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void aHeapFullOfGarbageIsCollectedBeforeAnImageIsRefused() throws NiftiException {
        Path file = Path.of("sub-01_T1w.nii.gz");
        long[] free = {0};
        int[] collections = {0};
        // garbage: nothing seems free until a collection frees 100 MiB
        NiftiReader.checkHeap(file, 1 << 20, Long.MAX_VALUE, () -> free[0], () -> {
            collections[0]++;
            free[0] = 100L << 20;
        });
        assertEquals(1, collections[0]);
        // room enough: no collection
        NiftiReader.checkHeap(file, 1 << 20, Long.MAX_VALUE, () -> free[0], () -> collections[0]++);
        assertEquals(1, collections[0]);
        // live data: still too little after collecting, refused with the file and the sizes
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.checkHeap(file, 200L << 20,
                Long.MAX_VALUE, () -> free[0], () -> collections[0]++));
        assertEquals(2, collections[0]);
        assertTrue(e.getMessage().contains("sub-01_T1w.nii.gz") && e.getMessage().contains("200 MiB")
                && e.getMessage().contains("(100 MiB; raise -Xmx)"), e.getMessage());
        // above the reader's own limit: refused without a collection
        assertThrows(NiftiException.class, () -> NiftiReader.checkHeap(file, 2 << 20, 1 << 20, () -> free[0],
                () -> collections[0]++));
        assertEquals(2, collections[0]);
    }
}
