package org.neurocurate.io.nifti;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Reads NIfTI-1 and NIfTI-2 images (.nii, .nii.gz, and .hdr/.img pairs, either byte order) into a
 * {@link Volume}, with nibabel's conventions: the affine is the sform if sform_code &gt; 0, else the
 * qform if qform_code &gt; 0, else the pixdim fall-back; scl_slope/scl_inter apply unless the slope
 * is 0 or not finite; header extensions are skipped (data starts at vox_offset).
 *
 * <p>Everything that can be checked before allocating is: dims, datatype, the voxel count against one
 * array's limit and the heap, and the data size against the file size (for gzip, against the most a
 * deflate stream of that size can expand to), so a corrupt header cannot cause a huge allocation.
 */
public final class NiftiReader {

    /** Deflate cannot expand data by more than about 1032:1 (RFC 1951 maximal run-length coding). */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int HEADER_PROBE = NiftiHeader.NIFTI2_SIZE;

    private NiftiReader() {
    }

    /** Reads the header only. */
    public static NiftiHeader readHeader(Path file) throws NiftiException {
        Path headerFile = NiftiFiles.headerFile(file);
        try (InputStream in = NiftiFiles.open(headerFile)) {
            byte[] probe = new byte[HEADER_PROBE];
            int n = in.readNBytes(probe, 0, probe.length);
            return NiftiHeaderCodec.decode(headerFile, probe, n, NiftiFiles.isPair(file));
        } catch (NiftiException e) {
            throw e;
        } catch (IOException e) {
            throw NiftiFiles.failure(headerFile, e);
        }
    }

    /** Reads the image, keeping non-finite voxels (as nibabel does). */
    public static Volume read(Path file) throws NiftiException {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads the image with the given options. */
    public static Volume read(Path file, ReadOptions options) throws NiftiException {
        Path headerFile = NiftiFiles.headerFile(file);
        boolean pair = NiftiFiles.isPair(file);
        byte[] probe = new byte[HEADER_PROBE];
        try (InputStream in = NiftiFiles.open(headerFile)) {
            int n = in.readNBytes(probe, 0, probe.length);
            NiftiHeader h = NiftiHeaderCodec.decode(headerFile, probe, n, pair);
            Layout layout = Layout.check(headerFile, h);
            if (pair && !h.singleFile()) {
                Path dataFile = NiftiFiles.dataFile(file);
                try (InputStream data = NiftiFiles.open(dataFile)) {
                    checkSize(dataFile, h.voxOffset(), layout.bytes(), options);
                    skipFully(dataFile, data, h.voxOffset());
                    return build(file, h, layout, VoxelDecoder.read(dataFile, data, h, layout), options);
                }
            }
            long offset = Math.max(h.voxOffset(), h.version() == 1 ? 352 : 544);
            checkSize(headerFile, offset, layout.bytes(), options);
            InputStream data = remainder(probe, n, offset, in, headerFile);
            return build(file, h, layout, VoxelDecoder.read(headerFile, data, h, layout), options);
        } catch (NiftiException e) {
            throw e;
        } catch (IOException e) {
            throw NiftiFiles.failure(headerFile, e);
        }
    }

    /** The stream positioned at {@code offset}, reusing the bytes already read into the probe. */
    private static InputStream remainder(byte[] probe, int n, long offset, InputStream in, Path file)
            throws IOException {
        if (offset < n) {
            return new SequenceInputStream(new ByteArrayInputStream(probe, (int) offset, n - (int) offset), in);
        }
        skipFully(file, in, offset - n);
        return in;
    }

    private static void skipFully(Path file, InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new NiftiException(file, "truncated: file ends before vox_offset " + count);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** Refuses sizes the file cannot hold, or the heap cannot take, before anything is allocated. */
    private static void checkSize(Path file, long offset, long bytes, ReadOptions options) throws IOException {
        long fileSize = Files.size(file);
        if (NiftiFiles.isGzip(file)) {
            if (bytes + offset > fileSize * MAX_DEFLATE_RATIO) {
                throw new NiftiException(file, "truncated or corrupt header: " + bytes + " bytes of voxel data"
                        + " cannot come from a " + fileSize + "-byte gzip file");
            }
        } else if (fileSize - offset < bytes) {
            throw new NiftiException(file, "truncated: needs " + bytes + " bytes of voxel data after offset " + offset
                    + ", file has " + Math.max(0, fileSize - offset));
        }
        Runtime rt = Runtime.getRuntime();
        checkHeap(file, bytes, options.maxBytes(), () -> rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), System::gc);
    }

    /**
     * Refuses a voxel payload above {@code maxBytes} or above the heap left ({@code free}). The heap in
     * use counts garbage not yet collected, so before refusing on the heap alone it is collected
     * ({@code collect}) and measured again: a batch on a tight heap (bench/qc's 0.5 GB run) had refused
     * 1 MiB scans with "0 MiB" left while most of its heap was garbage.
     */
    static void checkHeap(Path file, long bytes, long maxBytes, LongSupplier free, Runnable collect)
            throws NiftiException {
        long left = free.getAsLong();
        if (bytes <= maxBytes && bytes > left) {
            collect.run();
            left = free.getAsLong();
        }
        if (bytes > Math.min(maxBytes, left)) {
            throw new NiftiException(file, "image needs " + (bytes >> 20) + " MiB, more than can be allocated ("
                    + (Math.min(maxBytes, left) >> 20) + " MiB; raise -Xmx)");
        }
    }

    private static Volume build(Path file, NiftiHeader h, Layout layout, RandomAccessibleInterval<? extends RealType<?>> img,
            ReadOptions options) throws NiftiException {
        if (options.rejectNonFinite()) {
            NonFinite.reject(file, img);
        }
        Affine affine = h.bestAffine();
        for (double[] row : affine.toRows()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new NiftiException(file, "the voxel-to-world affine has non-finite values: " + affine);
                }
            }
        }
        double[] zooms = h.zooms();
        double[] spacing = {1, 1, 1};
        for (int i = 0; i < Math.min(3, zooms.length); i++) {
            spacing[i] = zooms[i] > 0 && Double.isFinite(zooms[i]) ? zooms[i] : 1;
        }
        double[] scaling = h.effectiveScaling();
        return Volume.of(img, scaling[0], scaling[1], affine, spacing, h);
    }

    /** The checked shape of the voxel data. */
    record Layout(NiftiDatatype type, long[] shape, long voxels, long bytes) {

        static Layout check(Path file, NiftiHeader h) throws NiftiException {
            long[] dim = h.dim();
            if (dim[0] < 1 || dim[0] > 7) {
                throw new NiftiException(file, "dim[0] = " + dim[0] + ", the number of dimensions must be 1 to 7");
            }
            long[] shape = h.shape();
            long voxels = 1;
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] < 1) {
                    throw new NiftiException(file, "dim[" + (i + 1) + "] = " + shape[i] + ", sizes must be positive");
                }
                voxels = multiply(file, voxels, shape[i], shape);
            }
            NiftiDatatype type = NiftiDatatype.fromCode(h.datatypeCode()).orElseThrow(() -> new NiftiException(file,
                    "unsupported datatype " + NiftiDatatype.describe(h.datatypeCode())));
            long samples = multiply(file, voxels, type == NiftiDatatype.RGB24 ? 3 : 1, shape);
            if (samples > Integer.MAX_VALUE - 8) {
                throw new NiftiException(file, "dims " + Arrays.toString(shape) + " give " + samples
                        + " samples, more than one array can hold (2^31)");
            }
            return new Layout(type, shape, voxels, multiply(file, voxels, type.bytes(), shape));
        }

        private static long multiply(Path file, long a, long b, long[] shape) throws NiftiException {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                throw new NiftiException(file, "absurd dims " + Arrays.toString(shape) + ": the voxel count overflows");
            }
        }
    }

    /** Thrown by {@link VoxelDecoder} when the stream ends early. */
    static NiftiException truncated(Path file, long needed, long got) {
        return new NiftiException(file, "truncated: needs " + needed + " bytes of voxel data, got " + got,
                new EOFException());
    }

    static NiftiException denied(Path file, AccessDeniedException e) {
        return new NiftiException(file, "not readable (permission denied)", e);
    }

    static NiftiException missing(Path file, NoSuchFileException e) {
        return new NiftiException(file, "no such file", e);
    }
}
