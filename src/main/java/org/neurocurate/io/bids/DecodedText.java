package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a metadata file decoded the way BIDS datasets are found in the wild: UTF-8 (the BIDS
 * requirement), with or without a byte-order mark, UTF-16 LE/BE with a BOM or recognisable by its
 * zero bytes, and as a last resort ISO-8859-1 (every byte sequence decodes, so nothing is lost).
 * Any deviation from plain UTF-8 is kept in {@link #note()} so the index can report it.
 *
 * @param text the decoded text, BOM removed, line endings untouched
 * @param note empty for plain UTF-8, else what was found (e.g. "UTF-8 BOM", "UTF-16LE")
 */
public record DecodedText(String text, String note) {

    /** Reads and decodes a whole file; throws only for I/O failures (missing, unreadable, a directory). */
    public static DecodedText read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** Decodes bytes following the rules in the class comment. */
    public static DecodedText decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            DecodedText t = decode(java.util.Arrays.copyOfRange(b, 3, b.length));
            return new DecodedText(t.text, t.note.isEmpty() ? "UTF-8 BOM" : "UTF-8 BOM, " + t.note);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new DecodedText(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new DecodedText(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        String utf16 = utf16WithoutBom(b);
        if (utf16 != null) {
            return new DecodedText(new String(b, utf16.equals("UTF-16LE")
                    ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE), utf16 + " without BOM");
        }
        try {
            return new DecodedText(strict(StandardCharsets.UTF_8, b), "");
        } catch (CharacterCodingException e) {
            return new DecodedText(new String(b, StandardCharsets.ISO_8859_1), "not UTF-8, read as ISO-8859-1");
        }
    }

    /**
     * UTF-16 text of ASCII characters has a zero in every other byte; more than 40% zeros in the even
     * (BE) or odd (LE) positions of the first 512 bytes is taken as UTF-16. Plain UTF-8 text has none.
     */
    private static String utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 512) & ~1;
        if (n < 4) {
            return null;
        }
        int even = 0;
        int odd = 0;
        for (int i = 0; i < n; i += 2) {
            even += b[i] == 0 ? 1 : 0;
            odd += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (odd > 0.4 * pairs && even == 0) {
            return "UTF-16LE";
        }
        if (even > 0.4 * pairs && odd == 0) {
            return "UTF-16BE";
        }
        return null;
    }

    private static String strict(Charset cs, byte[] b) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    }
}
