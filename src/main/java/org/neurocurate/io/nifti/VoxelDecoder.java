package org.neurocurate.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * Streams voxel bytes straight into the primitive array behind an imglib2 {@link net.imglib2.img.array.ArrayImg},
 * one chunk at a time, so reading costs one copy of the data plus a small buffer.
 */
final class VoxelDecoder {

    /** Chunk size: a multiple of every sample size (1, 2, 3, 4, 8 bytes). */
    private static final int CHUNK = 24 << 16;

    private VoxelDecoder() {
    }

    /** Reads {@code layout.bytes()} bytes of voxel data in the header's datatype and byte order. */
    static RandomAccessibleInterval<? extends RealType<?>> read(Path file, InputStream in, NiftiHeader h,
            NiftiReader.Layout layout) throws IOException {
        int n = (int) (layout.voxels() * (layout.type() == NiftiDatatype.RGB24 ? 3 : 1));
        long[] dims = layout.shape();
        ByteOrder order = h.byteOrder();
        return switch (layout.type()) {
            case UINT8 -> ArrayImgs.unsignedBytes(bytes(file, in, n), dims);
            case INT8 -> ArrayImgs.bytes(bytes(file, in, n), dims);
            case RGB24 -> ArrayImgs.unsignedBytes(planar(bytes(file, in, n)), withChannels(dims));
            case INT16 -> ArrayImgs.shorts(shorts(file, in, n, order), dims);
            case UINT16 -> ArrayImgs.unsignedShorts(shorts(file, in, n, order), dims);
            case INT32 -> ArrayImgs.ints(ints(file, in, n, order), dims);
            case UINT32 -> ArrayImgs.unsignedInts(ints(file, in, n, order), dims);
            case INT64 -> ArrayImgs.longs(longs(file, in, n, order), dims);
            case UINT64 -> ArrayImgs.unsignedLongs(longs(file, in, n, order), dims);
            case FLOAT32 -> ArrayImgs.floats(floats(file, in, n, order), dims);
            case FLOAT64 -> ArrayImgs.doubles(doubles(file, in, n, order), dims);
        };
    }

    /** A consumer of one chunk of raw bytes, placed at sample index {@code at}. */
    private interface ChunkSink {
        void accept(ByteBuffer chunk, int at);
    }

    private static void stream(Path file, InputStream in, long totalBytes, int sampleBytes, ByteOrder order,
            ChunkSink sink) throws IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(totalBytes, 1))];
        long done = 0;
        while (done < totalBytes) {
            int want = (int) Math.min(buf.length, totalBytes - done);
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw NiftiReader.truncated(file, totalBytes, done + got);
            }
            sink.accept(ByteBuffer.wrap(buf, 0, want).order(order), (int) (done / sampleBytes));
            done += want;
        }
    }

    private static byte[] bytes(Path file, InputStream in, int n) throws IOException {
        byte[] out = new byte[n];
        int got = in.readNBytes(out, 0, n);
        if (got < n) {
            throw NiftiReader.truncated(file, n, got);
        }
        return out;
    }

    private static short[] shorts(Path file, InputStream in, int n, ByteOrder order) throws IOException {
        short[] out = new short[n];
        stream(file, in, 2L * n, 2, order, (b, at) -> b.asShortBuffer().get(out, at, b.remaining() / 2));
        return out;
    }

    private static int[] ints(Path file, InputStream in, int n, ByteOrder order) throws IOException {
        int[] out = new int[n];
        stream(file, in, 4L * n, 4, order, (b, at) -> b.asIntBuffer().get(out, at, b.remaining() / 4));
        return out;
    }

    private static long[] longs(Path file, InputStream in, int n, ByteOrder order) throws IOException {
        long[] out = new long[n];
        stream(file, in, 8L * n, 8, order, (b, at) -> b.asLongBuffer().get(out, at, b.remaining() / 8));
        return out;
    }

    private static float[] floats(Path file, InputStream in, int n, ByteOrder order) throws IOException {
        float[] out = new float[n];
        stream(file, in, 4L * n, 4, order, (b, at) -> b.asFloatBuffer().get(out, at, b.remaining() / 4));
        return out;
    }

    private static double[] doubles(Path file, InputStream in, int n, ByteOrder order) throws IOException {
        double[] out = new double[n];
        stream(file, in, 8L * n, 8, order, (b, at) -> b.asDoubleBuffer().get(out, at, b.remaining() / 8));
        return out;
    }

    /** RGB24 interleaved (r g b r g b …) to planar (all r, all g, all b), the channel axis last. */
    private static byte[] planar(byte[] rgb) {
        int voxels = rgb.length / 3;
        byte[] out = new byte[rgb.length];
        for (int v = 0; v < voxels; v++) {
            out[v] = rgb[3 * v];
            out[voxels + v] = rgb[3 * v + 1];
            out[2 * voxels + v] = rgb[3 * v + 2];
        }
        return out;
    }

    private static long[] withChannels(long[] dims) {
        long[] out = java.util.Arrays.copyOf(dims, dims.length + 1);
        out[dims.length] = 3;
        return out;
    }
}
