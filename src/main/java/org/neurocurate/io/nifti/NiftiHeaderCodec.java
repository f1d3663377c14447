package org.neurocurate.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes and encodes the binary NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers. Field offsets
 * follow nifti1.h and nifti2.h of the NIfTI Data Format Working Group.
 */
final class NiftiHeaderCodec {

    private NiftiHeaderCodec() {
    }

    /**
     * Decodes a header from its first bytes (at least 348, or 540 for NIfTI-2). The byte order and
     * version come from sizeof_hdr, which must read 348 or 540 in one of the two byte orders.
     *
     * @param pair true when the header comes from a .hdr file (magic ni1/ni2 expected)
     */
    static NiftiHeader decode(Path file, byte[] bytes, int length, boolean pair) throws NiftiException {
        if (length < 4) {
            throw new NiftiException(file, "truncated: " + length + " bytes, too short for a NIfTI header");
        }
        ByteBuffer le = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int sizeLe = le.getInt(0);
        int sizeBe = Integer.reverseBytes(sizeLe);
        ByteOrder order;
        int size;
        if (sizeLe == NiftiHeader.NIFTI1_SIZE || sizeLe == NiftiHeader.NIFTI2_SIZE) {
            order = ByteOrder.LITTLE_ENDIAN;
            size = sizeLe;
        } else if (sizeBe == NiftiHeader.NIFTI1_SIZE || sizeBe == NiftiHeader.NIFTI2_SIZE) {
            order = ByteOrder.BIG_ENDIAN;
            size = sizeBe;
        } else {
            throw new NiftiException(file, "sizeof_hdr is " + sizeLe + " (little-endian) or " + sizeBe
                    + " (big-endian), not 348 (NIfTI-1) or 540 (NIfTI-2): not a NIfTI file");
        }
        if (length < size) {
            throw new NiftiException(file, "truncated: header needs " + size + " bytes, file has " + length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, length).order(order);
        return size == NiftiHeader.NIFTI1_SIZE ? decode1(file, b, order, pair) : decode2(file, b, order, pair);
    }

    private static NiftiHeader decode1(Path file, ByteBuffer b, ByteOrder order, boolean pair) throws NiftiException {
        String magic = text(b, 344, 4);
        boolean single = checkMagic(file, magic, "n+1", "ni1", pair);
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        double voxOffset = b.getFloat(108);
        return fixed(file, new NiftiHeader(1, order, single, dim, pixdim, b.getShort(70), b.getShort(72),
                offset(file, voxOffset), b.getFloat(112), b.getFloat(116),
                b.getShort(252), b.getShort(254),
                new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow,
                b.get(123) & 0xff, b.getShort(68),
                new double[] {b.getFloat(56), b.getFloat(60), b.getFloat(64)}, text(b, 328, 16),
                text(b, 148, 80), text(b, 228, 24), b.get(39) & 0xff,
                b.get(122) & 0xff, b.getShort(74), b.getShort(120), b.getFloat(132), b.getFloat(136),
                b.getFloat(128), b.getFloat(124)));
    }

    private static NiftiHeader decode2(Path file, ByteBuffer b, ByteOrder order, boolean pair) throws NiftiException {
        String magic = text(b, 4, 4);
        boolean single = checkMagic(file, magic, "n+2", "ni2", pair);
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        return fixed(file, new NiftiHeader(2, order, single, dim, pixdim, b.getShort(12), b.getShort(14),
                offset(file, b.getLong(168)), b.getDouble(176), b.getDouble(184),
                b.getInt(344), b.getInt(348),
                new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow,
                b.getInt(500), b.getInt(504),
                new double[] {b.getDouble(80), b.getDouble(88), b.getDouble(96)}, text(b, 508, 16),
                text(b, 240, 80), text(b, 320, 24), b.get(524) & 0xff,
                b.getInt(496), b.getLong(224), b.getLong(232), b.getDouble(208), b.getDouble(216),
                b.getDouble(200), b.getDouble(192)));
    }

    private static boolean checkMagic(Path file, String magic, String single, String pairMagic, boolean pair)
            throws NiftiException {
        if (magic.equals(single) && !pair) {
            return true;
        }
        if (magic.equals(pairMagic)) {
            return false;
        }
        if (magic.equals(single)) {
            return true; // a single-file header named .hdr: the data follows the header anyway
        }
        throw new NiftiException(file, "wrong magic '" + printable(magic) + "', expected '" + single + "' or '"
                + pairMagic + "' (Analyze 7.5 and other formats are not read)");
    }

    private static long offset(Path file, double voxOffset) throws NiftiException {
        if (!Double.isFinite(voxOffset) || voxOffset < 0 || voxOffset > Integer.MAX_VALUE) {
            throw new NiftiException(file, "vox_offset " + voxOffset + " is not a valid byte offset");
        }
        return (long) voxOffset;
    }

    /**
     * Applies nibabel's silent load-time fixes: |pixdim|, spatial pixdims of 0 set to 1, and qfac ∈ {−1, 1}.
     */
    private static NiftiHeader fixed(Path file, NiftiHeader h) throws NiftiException {
        double[] pixdim = h.pixdim();
        for (int i = 1; i < 8; i++) {
            pixdim[i] = Math.abs(pixdim[i]);
            if (i <= 3 && pixdim[i] == 0) {
                pixdim[i] = 1;
            }
        }
        if (pixdim[0] != -1) {
            pixdim[0] = 1;
        }
        if (!Double.isFinite(h.sclInter()) && h.sclSlope() != 0 && Double.isFinite(h.sclSlope())) {
            throw new NiftiException(file, "scl_slope " + h.sclSlope() + " is valid but scl_inter is " + h.sclInter());
        }
        return h;
    }

    private static String text(ByteBuffer b, int at, int len) {
        int end = at;
        while (end < at + len && b.get(end) != 0) {
            end++;
        }
        byte[] raw = new byte[end - at];
        b.get(at, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("\\x%02x", (int) ch));
        }
        return out.toString();
    }

    /** Encodes a single-file (n+1 / n+2) header, {@code size} bytes, in the header's byte order. */
    static byte[] encode(NiftiHeader h) {
        return h.version() == 1 ? encode1(h) : encode2(h);
    }

    private static byte[] encode1(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(NiftiHeader.NIFTI1_SIZE).order(h.byteOrder());
        b.putInt(0, NiftiHeader.NIFTI1_SIZE);
        b.put(38, (byte) 'r');
        b.put(39, (byte) h.dimInfo());
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, (short) h.dim()[i]);
            b.putFloat(76 + 4 * i, (float) h.pixdim()[i]);
        }
        for (int i = 0; i < 3; i++) {
            b.putFloat(56 + 4 * i, (float) h.intentP()[i]);
            b.putFloat(256 + 4 * i, (float) h.quatern()[i]);
            b.putFloat(268 + 4 * i, (float) h.qoffset()[i]);
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * i + 4 * c, (float) h.srow()[i][c]);
            }
        }
        b.putShort(68, (short) h.intentCode());
        b.putShort(70, (short) h.datatypeCode());
        b.putShort(72, (short) h.bitpix());
        b.putShort(74, (short) h.sliceStart());
        b.putFloat(108, h.voxOffset());
        b.putFloat(112, (float) h.sclSlope());
        b.putFloat(116, (float) h.sclInter());
        b.putShort(120, (short) h.sliceEnd());
        b.put(122, (byte) h.sliceCode());
        b.put(123, (byte) h.xyztUnits());
        b.putFloat(124, (float) h.calMax());
        b.putFloat(128, (float) h.calMin());
        b.putFloat(132, (float) h.sliceDuration());
        b.putFloat(136, (float) h.toffset());
        putText(b, 148, 80, h.descrip());
        putText(b, 228, 24, h.auxFile());
        b.putShort(252, (short) h.qformCode());
        b.putShort(254, (short) h.sformCode());
        putText(b, 328, 16, h.intentName());
        putText(b, 344, 4, "n+1");
        return b.array();
    }

    private static byte[] encode2(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(NiftiHeader.NIFTI2_SIZE).order(h.byteOrder());
        b.putInt(0, NiftiHeader.NIFTI2_SIZE);
        b.put(4, new byte[] {'n', '+', '2', 0, '\r', '\n', 0x1a, '\n'});
        b.putShort(12, (short) h.datatypeCode());
        b.putShort(14, (short) h.bitpix());
        for (int i = 0; i < 8; i++) {
            b.putLong(16 + 8 * i, h.dim()[i]);
            b.putDouble(104 + 8 * i, h.pixdim()[i]);
        }
        for (int i = 0; i < 3; i++) {
            b.putDouble(80 + 8 * i, h.intentP()[i]);
            b.putDouble(352 + 8 * i, h.quatern()[i]);
            b.putDouble(376 + 8 * i, h.qoffset()[i]);
            for (int c = 0; c < 4; c++) {
                b.putDouble(400 + 32 * i + 8 * c, h.srow()[i][c]);
            }
        }
        b.putLong(168, h.voxOffset());
        b.putDouble(176, h.sclSlope());
        b.putDouble(184, h.sclInter());
        b.putDouble(192, h.calMax());
        b.putDouble(200, h.calMin());
        b.putDouble(208, h.sliceDuration());
        b.putDouble(216, h.toffset());
        b.putLong(224, h.sliceStart());
        b.putLong(232, h.sliceEnd());
        putText(b, 240, 80, h.descrip());
        putText(b, 320, 24, h.auxFile());
        b.putInt(344, h.qformCode());
        b.putInt(348, h.sformCode());
        b.putInt(496, h.sliceCode());
        b.putInt(500, h.xyztUnits());
        b.putInt(504, h.intentCode());
        putText(b, 508, 16, h.intentName());
        b.put(524, (byte) h.dimInfo());
        return b.array();
    }

    private static void putText(ByteBuffer b, int at, int len, String s) {
        byte[] raw = s == null ? new byte[0] : s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(at, raw, 0, Math.min(raw.length, len - 1));
    }
}
