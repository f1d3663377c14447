package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTest {

    private static final String TEXT = "participant_id\tSex\r\nsub-01\tKvinna \u00e5\u00e4\u00f6\r\n";

    @Test
    void utf8WithAndWithoutBomAndUtf16AreDecodedAndNamed() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, bom, 0, 3);
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(new DecodedText(TEXT, ""), DecodedText.decode(utf8));
        assertEquals(new DecodedText(TEXT, "UTF-8 BOM"), DecodedText.decode(bom));
        assertEquals(new DecodedText(TEXT, "UTF-16BE"), DecodedText.decode(TEXT.getBytes(StandardCharsets.UTF_16)));
        byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] leBom = new byte[le.length + 2];
        leBom[0] = (byte) 0xFF;
        leBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, leBom, 2, le.length);
        assertEquals(new DecodedText(TEXT, "UTF-16LE"), DecodedText.decode(leBom));
        assertEquals(new DecodedText(TEXT, "UTF-16LE without BOM"), DecodedText.decode(le));
    }

    @Test
    void latin1BytesAreKeptAndFlagged() {
        byte[] latin1 = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new DecodedText(TEXT, "not UTF-8, read as ISO-8859-1"), DecodedText.decode(latin1));
    }
}
