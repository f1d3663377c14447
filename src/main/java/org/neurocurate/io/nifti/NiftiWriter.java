package org.neurocurate.io.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.neurocurate.io.AtomicOutput;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Writes a {@link Volume} as a single-file NIfTI (.nii, or .nii.gz when the name ends in .gz),
 * atomically. NIfTI-1 unless a size exceeds its 16-bit dims (or the volume came from a NIfTI-2 file).
 * The affine goes exactly into the sform and, as its nearest rotation, into the qform; header fields
 * the volume does not model (description, units, intent, TR) are kept from the source header.
 */
public final class NiftiWriter {

    /** nibabel also writes gzip at level 1: several times faster than 6 for a few percent in size. */
    private static final int GZIP_LEVEL = 1;

    private NiftiWriter() {
    }

    /** Writes the stored values in their own datatype with the volume's scaling. */
    public static void write(Volume volume, Path file) throws NiftiException {
        NiftiDatatype type = StoredArrays.datatypeOf(volume.storedImage());
        if (isRgb(volume)) {
            write(file, volume, NiftiDatatype.RGB24, 1, 0, StoredArrays.interleavedRgb(volume.storedImage()));
            return;
        }
        if (type == null) {
            writeFloat32(volume, file);
            return;
        }
        write(file, volume, type, volume.slope(), volume.inter(), StoredArrays.encoder(volume.storedImage(), type));
    }

    /** An RGB24 volume as the reader gives it: uint8 with a last axis of 3 channels, from an RGB24 file. */
    private static boolean isRgb(Volume volume) {
        long[] dims = volume.dimensions();
        return StoredArrays.datatypeOf(volume.storedImage()) == NiftiDatatype.UINT8 && dims[dims.length - 1] == 3
                && volume.header().filter(NiftiHeader.class::isInstance)
                        .map(h -> ((NiftiHeader) h).datatypeCode() == NiftiDatatype.RGB24.code()).orElse(false);
    }

    /** Writes the real (scaled) values as float32, unscaled. */
    public static void writeFloat32(Volume volume, Path file) throws NiftiException {
        float[] values = volume.toFloatArray();
        write(file, volume, NiftiDatatype.FLOAT32, 1, 0, StoredArrays.floats(values));
    }

    private static void write(Path file, Volume volume, NiftiDatatype type, double slope, double inter,
            StoredArrays.Encoder encoder) throws NiftiException {
        long[] dims = volume.dimensions();
        if (type == NiftiDatatype.RGB24) {
            dims = Arrays.copyOf(dims, dims.length - 1);
        }
        if (dims.length > 7) {
            throw new NiftiException(file, "cannot write " + dims.length + " dimensions; NIfTI holds at most 7");
        }
        NiftiHeader h = header(volume, dims, type, slope, inter);
        boolean gz = NiftiFiles.lowerName(file).endsWith(".gz");
        try {
            AtomicOutput.write(file, raw -> {
                OutputStream out = gz ? new LevelGzip(raw) : new BufferedOutputStream(raw, 1 << 16);
                out.write(NiftiHeaderCodec.encode(h));
                out.write(new byte[(int) h.voxOffset() - (h.version() == 1 ? NiftiHeader.NIFTI1_SIZE : NiftiHeader.NIFTI2_SIZE)]);
                encoder.write(out, ByteOrder.LITTLE_ENDIAN);
                out.flush();
                if (out instanceof GZIPOutputStream g) {
                    g.finish();
                }
            });
        } catch (NiftiException e) {
            throw e;
        } catch (IOException e) {
            throw new NiftiException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    private static NiftiHeader header(Volume volume, long[] dims, NiftiDatatype type, double slope, double inter) {
        NiftiHeader src = volume.header().filter(NiftiHeader.class::isInstance).map(NiftiHeader.class::cast).orElse(null);
        boolean big = Arrays.stream(dims).anyMatch(d -> d > Short.MAX_VALUE);
        int version = big || (src != null && src.version() == 2) ? 2 : 1;
        long[] dim = new long[8];
        Arrays.fill(dim, 1);
        dim[0] = dims.length;
        System.arraycopy(dims, 0, dim, 1, dims.length);
        Affine a = volume.voxelToWorld();
        QuaternionForm q = QuaternionForm.of(a);
        double[] pixdim = new double[8];
        Arrays.fill(pixdim, 1);
        if (src != null) {
            System.arraycopy(src.pixdim(), 4, pixdim, 4, 4);
        }
        pixdim[0] = q.qfac();
        System.arraycopy(q.zooms(), 0, pixdim, 1, 3);
        int sform = src == null ? 1 : src.sformCode() > 0 ? src.sformCode() : src.qformCode() > 0 ? src.qformCode() : 2;
        int qform = src == null ? 1 : src.qformCode() > 0 ? src.qformCode() : sform;
        double[][] rows = a.toRows();
        double[][] srow = {rows[0], rows[1], rows[2]};
        return new NiftiHeader(version, ByteOrder.LITTLE_ENDIAN, true, dim, pixdim, type.code(), type.bitpix(),
                version == 1 ? 352 : 544, slope, inter, qform, sform, q.quatern(), q.offset(), srow,
                src == null ? 10 : src.xyztUnits(), // 10 = mm and seconds
                src == null ? 0 : src.intentCode(), src == null ? new double[3] : src.intentP(),
                src == null ? "" : src.intentName(), src == null ? "NeuroCurate" : src.descrip(),
                src == null ? "" : src.auxFile(), src == null ? 0 : src.dimInfo(),
                src == null ? 0 : src.sliceCode(), src == null ? 0 : src.sliceStart(), src == null ? 0 : src.sliceEnd(),
                src == null ? 0 : src.sliceDuration(), src == null ? 0 : src.toffset(),
                src == null ? 0 : src.calMin(), src == null ? 0 : src.calMax());
    }

    /** gzip output at {@link #GZIP_LEVEL}. */
    private static final class LevelGzip extends GZIPOutputStream {
        LevelGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(GZIP_LEVEL);
        }
    }

    /** Writes a primitive array in chunks of little-endian bytes. */
    static void writeChunks(OutputStream out, int count, int sampleBytes, ByteOrder order, ChunkFiller filler)
            throws IOException {
        int perChunk = (1 << 20) / sampleBytes;
        ByteBuffer buf = ByteBuffer.allocate(perChunk * sampleBytes).order(order);
        for (int at = 0; at < count; at += perChunk) {
            int n = Math.min(perChunk, count - at);
            buf.clear();
            filler.fill(buf, at, n);
            out.write(buf.array(), 0, n * sampleBytes);
        }
    }

    /** Puts {@code n} samples starting at {@code at} into the buffer. */
    @FunctionalInterface
    interface ChunkFiller {
        void fill(ByteBuffer buf, int at, int n);
    }
}
