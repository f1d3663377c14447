package org.neurocurate.io.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/** The NIfTI datatype of an imglib2 image and the encoding of its values as bytes for writing. */
final class StoredArrays {

    private StoredArrays() {
    }

    /** Writes all samples of an image in a byte order. */
    interface Encoder {
        void write(OutputStream out, ByteOrder order) throws IOException;
    }

    /** The datatype matching the image's pixel type, or null when NIfTI has none (then float32 is written). */
    static NiftiDatatype datatypeOf(RandomAccessibleInterval<? extends RealType<?>> img) {
        Object t = Util.getTypeFromInterval(img);
        if (t instanceof UnsignedByteType) {
            return NiftiDatatype.UINT8;
        } else if (t instanceof ByteType) {
            return NiftiDatatype.INT8;
        } else if (t instanceof ShortType) {
            return NiftiDatatype.INT16;
        } else if (t instanceof UnsignedShortType) {
            return NiftiDatatype.UINT16;
        } else if (t instanceof IntType) {
            return NiftiDatatype.INT32;
        } else if (t instanceof UnsignedIntType) {
            return NiftiDatatype.UINT32;
        } else if (t instanceof LongType) {
            return NiftiDatatype.INT64;
        } else if (t instanceof UnsignedLongType) {
            return NiftiDatatype.UINT64;
        } else if (t instanceof FloatType) {
            return NiftiDatatype.FLOAT32;
        } else if (t instanceof DoubleType) {
            return NiftiDatatype.FLOAT64;
        }
        return null;
    }

    /** An encoder for the image's samples in the given datatype (the image's own). */
    static Encoder encoder(RandomAccessibleInterval<? extends RealType<?>> img, NiftiDatatype type) {
        Object array = primitiveArray(img);
        if (array == null) {
            array = copy(img, type);
        }
        Object data = array;
        return (out, order) -> encode(out, data, order);
    }

    /** Planar uint8 channels (channel axis last) as interleaved r g b bytes. */
    static Encoder interleavedRgb(RandomAccessibleInterval<? extends RealType<?>> img) {
        byte[] planar = (byte[]) copy(img, NiftiDatatype.UINT8);
        int voxels = planar.length / 3;
        byte[] rgb = new byte[planar.length];
        for (int v = 0; v < voxels; v++) {
            rgb[3 * v] = planar[v];
            rgb[3 * v + 1] = planar[voxels + v];
            rgb[3 * v + 2] = planar[2 * voxels + v];
        }
        return (out, order) -> out.write(rgb);
    }

    static Encoder floats(float[] values) {
        return (out, order) -> encode(out, values, order);
    }

    private static void encode(OutputStream out, Object data, ByteOrder order) throws IOException {
        if (data instanceof byte[] a) {
            out.write(a);
        } else if (data instanceof short[] a) {
            NiftiWriter.writeChunks(out, a.length, 2, order, (b, at, n) -> b.asShortBuffer().put(a, at, n));
        } else if (data instanceof int[] a) {
            NiftiWriter.writeChunks(out, a.length, 4, order, (b, at, n) -> b.asIntBuffer().put(a, at, n));
        } else if (data instanceof long[] a) {
            NiftiWriter.writeChunks(out, a.length, 8, order, (b, at, n) -> b.asLongBuffer().put(a, at, n));
        } else if (data instanceof float[] a) {
            NiftiWriter.writeChunks(out, a.length, 4, order, (b, at, n) -> b.asFloatBuffer().put(a, at, n));
        } else if (data instanceof double[] a) {
            NiftiWriter.writeChunks(out, a.length, 8, order, (b, at, n) -> b.asDoubleBuffer().put(a, at, n));
        } else {
            throw new IllegalStateException("no encoding for " + data.getClass());
        }
    }

    /** The primitive array behind an unviewed ArrayImg (flat order i fastest), else null. */
    private static Object primitiveArray(RandomAccessibleInterval<? extends RealType<?>> img) {
        if (img instanceof ArrayImg<?, ?> a && a.update(null) instanceof ArrayDataAccess<?> access) {
            return access.getCurrentStorageArray();
        }
        return null;
    }

    /** Copies any image, in flat order, into a new array of the datatype's primitive kind. */
    private static Object copy(RandomAccessibleInterval<? extends RealType<?>> img, NiftiDatatype type) {
        int n = (int) net.imglib2.util.Intervals.numElements(img);
        int k = 0;
        switch (type) {
            case UINT8, INT8 -> {
                byte[] out = new byte[n];
                for (RealType<?> v : Views.flatIterable(img)) {
                    out[k++] = (byte) (long) v.getRealDouble();
                }
                return out;
            }
            case INT16, UINT16 -> {
                short[] out = new short[n];
                for (RealType<?> v : Views.flatIterable(img)) {
                    out[k++] = (short) (long) v.getRealDouble();
                }
                return out;
            }
            case INT32, UINT32 -> {
                int[] out = new int[n];
                for (RealType<?> v : Views.flatIterable(img)) {
                    out[k++] = (int) (long) v.getRealDouble();
                }
                return out;
            }
            case INT64, UINT64 -> {
                long[] out = new long[n];
                for (net.imglib2.type.numeric.IntegerType<?> v : Views.flatIterable(integers(img))) {
                    out[k++] = v.getIntegerLong();
                }
                return out;
            }
            case FLOAT32 -> {
                float[] out = new float[n];
                for (RealType<?> v : Views.flatIterable(img)) {
                    out[k++] = v.getRealFloat();
                }
                return out;
            }
            default -> {
                double[] out = new double[n];
                for (RealType<?> v : Views.flatIterable(img)) {
                    out[k++] = v.getRealDouble();
                }
                return out;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static RandomAccessibleInterval<? extends net.imglib2.type.numeric.IntegerType<?>> integers(
            RandomAccessibleInterval<? extends RealType<?>> img) {
        return (RandomAccessibleInterval<? extends net.imglib2.type.numeric.IntegerType<?>>) img;
    }
}
