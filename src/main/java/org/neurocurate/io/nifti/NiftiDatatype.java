package org.neurocurate.io.nifti;

import java.util.Optional;

/**
 * The NIfTI {@code datatype} codes NeuroCurate reads and writes, with their storage size.
 * Complex, 128-bit float and RGBA codes are recognised only to be refused with a clear message.
 */
public enum NiftiDatatype {
    UINT8(2, 8, "uint8"),
    INT16(4, 16, "int16"),
    INT32(8, 32, "int32"),
    FLOAT32(16, 32, "float32"),
    FLOAT64(64, 64, "float64"),
    RGB24(128, 24, "rgb24"),
    INT8(256, 8, "int8"),
    UINT16(512, 16, "uint16"),
    UINT32(768, 32, "uint32"),
    INT64(1024, 64, "int64"),
    UINT64(1280, 64, "uint64");

    private final int code;
    private final int bitpix;
    private final String label;

    NiftiDatatype(int code, int bitpix, String label) {
        this.code = code;
        this.bitpix = bitpix;
        this.label = label;
    }

    /** The NIfTI {@code datatype} code. */
    public int code() {
        return code;
    }

    /** Bits per voxel as stored ({@code bitpix}). */
    public int bitpix() {
        return bitpix;
    }

    /** Bytes per voxel as stored. */
    public int bytes() {
        return bitpix / 8;
    }

    /** Bytes of one scalar sample (one channel for RGB). */
    public int sampleBytes() {
        return this == RGB24 ? 1 : bytes();
    }

    public String label() {
        return label;
    }

    /** The datatype for a code, if NeuroCurate supports it. */
    public static Optional<NiftiDatatype> fromCode(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A readable name for any code, supported or not, for error messages. */
    public static String describe(int code) {
        return fromCode(code).map(NiftiDatatype::label).orElseGet(() -> switch (code) {
            case 0 -> "unknown (0)";
            case 1 -> "binary (1)";
            case 32 -> "complex64 (32)";
            case 1536 -> "float128 (1536)";
            case 1792 -> "complex128 (1792)";
            case 2048 -> "complex256 (2048)";
            case 2304 -> "rgba32 (2304)";
            default -> "code " + code;
        });
    }
}
