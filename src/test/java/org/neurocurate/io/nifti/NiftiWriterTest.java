package org.neurocurate.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

class NiftiWriterTest {

    /** An oblique, left-handed affine with shear-free rotation, like a tilted scan stored LAS. */
    static final Affine OBLIQUE = Affine.fromRows(new double[][] {
        {-0.9 * Math.cos(0.3), 0, 1.2 * Math.sin(0.3), 91.5},
        {0, 1.1, 0, -126.25},
        {0.9 * Math.sin(0.3), 0, 1.2 * Math.cos(0.3), -72}});

    @TempDir
    Path dir;

    static Stream<Arguments> storedTypes() {
        Random r = new Random(7);
        long[] dims = {7, 6, 5};
        int n = 7 * 6 * 5;
        byte[] b = new byte[n];
        r.nextBytes(b);
        short[] s = new short[n];
        int[] i = new int[n];
        long[] l = new long[n];
        float[] f = new float[n];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = (short) r.nextInt();
            i[k] = r.nextInt();
            l[k] = r.nextLong();
            f[k] = (float) r.nextGaussian() * 1e3f;
            d[k] = r.nextGaussian() * 1e6;
        }
        return Stream.of(
                Arguments.of("uint8", ArrayImgs.unsignedBytes(b, dims)),
                Arguments.of("int8", ArrayImgs.bytes(b.clone(), dims)),
                Arguments.of("int16", ArrayImgs.shorts(s, dims)),
                Arguments.of("uint16", ArrayImgs.unsignedShorts(s.clone(), dims)),
                Arguments.of("int32", ArrayImgs.ints(i, dims)),
                Arguments.of("uint32", ArrayImgs.unsignedInts(i.clone(), dims)),
                Arguments.of("int64", ArrayImgs.longs(l, dims)),
                Arguments.of("float32", ArrayImgs.floats(f, dims)),
                Arguments.of("float64", ArrayImgs.doubles(d, dims)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedTypes")
    void everyDatatypeRoundTripsExactlyWithScaling(String label, RandomAccessibleInterval<? extends RealType<?>> img)
            throws IOException {
        Volume v = Volume.of(img, 0.5, -3, OBLIQUE, OBLIQUE.columnNorms(), null);
        for (String name : new String[] {"a.nii", "a.nii.gz"}) {
            Path file = dir.resolve(label + name);
            NiftiWriter.write(v, file);
            Volume back = NiftiReader.read(file);
            NiftiHeader h = (NiftiHeader) back.header().orElseThrow();
            assertEquals(label, NiftiDatatype.fromCode(h.datatypeCode()).orElseThrow().label());
            assertEquals(0.5, back.slope());
            assertEquals(-3, back.inter());
            assertArrayEquals(v.toDoubleArray(), back.toDoubleArray(), label + ": values must round-trip exactly");
            assertTrue(back.voxelToWorld().approxEquals(OBLIQUE, 1e-5), "sform keeps the affine to float32 precision");
        }
    }

    @Test
    void qformCarriesTheRotationAndHandedness() throws IOException {
        Path file = dir.resolve("q.nii");
        NiftiWriter.writeFloat32(Volume.ofFloats(new float[8], new long[] {2, 2, 2}, OBLIQUE), file);
        NiftiHeader h = NiftiReader.readHeader(file);
        assertTrue(h.qformAffine().approxEquals(OBLIQUE, 1e-5),
                "qform (quaternion + qfac) rebuilds the affine to float32 precision: " + h.qformAffine());
        assertEquals(-1, h.pixdim()[0], "a left-handed affine needs qfac = -1");
    }

    @Test
    void headerFieldsOfTheSourceAreKept() throws IOException {
        Path src = dir.resolve("src.nii.gz");
        NiftiWriter.write(Volume.ofFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new long[] {2, 2, 2}, OBLIQUE), src);
        Volume read = NiftiReader.read(src);
        Path copy = dir.resolve("sub/copy.nii");
        NiftiWriter.write(read, copy);
        NiftiHeader a = NiftiReader.readHeader(src);
        NiftiHeader b = NiftiReader.readHeader(copy);
        assertEquals(a.descrip(), b.descrip());
        assertEquals(a.xyztUnits(), b.xyztUnits());
        assertEquals(a.sformCode(), b.sformCode());
        try (Stream<Path> left = Files.list(copy.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left next to the output");
        }
    }

    @Test
    void fourDimensionalVolumesKeepEveryFrame() throws IOException {
        float[] data = new float[3 * 4 * 5 * 6];
        for (int k = 0; k < data.length; k++) {
            data[k] = k;
        }
        Path file = dir.resolve("t.nii.gz");
        NiftiWriter.write(Volume.ofFloats(data, new long[] {3, 4, 5, 6}, Affine.identity()), file);
        Volume back = NiftiReader.read(file);
        assertArrayEquals(new long[] {3, 4, 5, 6}, back.dimensions());
        assertArrayEquals(data, back.toFloatArray());
    }

    @Test
    void rgbIsReadAsChannelsAndWrittenBackInterleaved() throws IOException {
        byte[] planar = new byte[2 * 2 * 1 * 3];
        for (int k = 0; k < planar.length; k++) {
            planar[k] = (byte) (10 * k);
        }
        NiftiHeader template = NiftiReader.readHeader(writeTiny());
        NiftiHeader rgbHeader = new NiftiHeader(1, template.byteOrder(), true, new long[] {3, 2, 2, 1, 1, 1, 1, 1},
                template.pixdim(), 128, 24, 352, 0, 0, 0, 0, template.quatern(), template.qoffset(), template.srow(),
                10, 0, new double[3], "", "rgb", "", 0, 0, 0, 0, 0, 0, 0, 0);
        Volume rgb = Volume.of(ArrayImgs.unsignedBytes(planar, 2, 2, 1, 3), 1, 0, Affine.identity(),
                new double[] {1, 1, 1}, rgbHeader);
        Path file = dir.resolve("rgb.nii");
        NiftiWriter.write(rgb, file);
        byte[] raw = Files.readAllBytes(file);
        assertEquals(0, raw[352], "first voxel red");
        assertEquals(40, raw[353], "first voxel green = planar[4]");
        assertEquals(80, raw[354], "first voxel blue = planar[8]");
        Volume back = NiftiReader.read(file);
        assertArrayEquals(new long[] {2, 2, 1, 3}, back.dimensions());
        assertArrayEquals(rgb.toDoubleArray(), back.toDoubleArray());
    }

    @Test
    void headerExtensionsAreSkipped() throws IOException {
        float[] data = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] plain = Files.readAllBytes(writeTinyWith(data));
        // extension flag 1, then one 32-byte extension (esize 32, ecode 6 = comment), data moved to 384
        java.nio.ByteBuffer ext = java.nio.ByteBuffer.allocate(36).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ext.put(0, (byte) 1).putInt(4, 32).putInt(8, 6).put(12, "comment: not voxel data".getBytes());
        byte[] withExt = new byte[plain.length + 32];
        System.arraycopy(plain, 0, withExt, 0, 348);
        System.arraycopy(ext.array(), 0, withExt, 348, 36);
        System.arraycopy(plain, 352, withExt, 384, plain.length - 352);
        java.nio.ByteBuffer.wrap(withExt).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(108, 384f);
        Path file = dir.resolve("ext.nii");
        Files.write(file, withExt);
        assertArrayEquals(data, NiftiReader.read(file).toFloatArray());
    }

    private Path writeTinyWith(float[] data) throws IOException {
        Path file = dir.resolve("tiny-data.nii");
        NiftiWriter.write(Volume.ofFloats(data, new long[] {2, 2, 2}, Affine.identity()), file);
        return file;
    }

    private Path writeTiny() throws IOException {
        Path file = dir.resolve("tiny.nii");
        NiftiWriter.write(Volume.ofFloats(new float[8], new long[] {2, 2, 2}, Affine.identity()), file);
        return file;
    }
}
