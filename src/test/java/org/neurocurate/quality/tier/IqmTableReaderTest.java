package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IqmTableReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCsvWithSubjectIdAndNumbers() throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "subject_id,cjv,efc\n50002,0.38,0.61\n50003,0.57,0.60\n");
        IqmTable t = IqmTableReader.read(f);
        assertEquals("subject_id", t.idColumn());
        assertEquals(List.of("50002", "50003"), t.ids());
        assertEquals(List.of("cjv", "efc"), t.columns());
        assertEquals(0.57, t.value(1, "cjv"));
        assertNull(t.sites().get(0));
        assertEquals("", t.problems().get(0));
    }

    @Test
    void readsTsvWithParticipantIdSiteAndTextColumns() throws IOException {
        Path f = dir.resolve("group_T1w.tsv");
        Files.writeString(f, "bids_name\tparticipant_id\tsite\tcnr\nsub-01_T1w\tsub-01\tA\t3.2\n");
        IqmTable t = IqmTableReader.read(f);
        assertEquals("participant_id", t.idColumn());
        assertEquals("sub-01", t.ids().get(0));
        assertEquals("A", t.sites().get(0));
        assertEquals(List.of("cnr"), t.columns());
    }

    @Test
    void nonNumericAndMissingCellsBecomeNanWithARowNote() throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "subject_id,cjv,efc,cnr\n1,abc,,2.0\n2,0.4,0.5\n");
        IqmTable t = IqmTableReader.read(f);
        assertTrue(Double.isNaN(t.value(0, "cjv")));
        assertTrue(Double.isNaN(t.value(0, "efc")));
        assertTrue(t.problems().get(0).contains("cjv='abc'") && t.problems().get(0).contains("efc missing"),
                t.problems().get(0));
        assertTrue(Double.isNaN(t.value(1, "cnr")), "a short row's missing cells are NaN");
    }

    @Test
    void columnsWithoutAnyNumberAreTextNotIqms() throws IOException {
        Path f = dir.resolve("x.tsv");
        Files.writeString(f, "subject_id\tscanner\tcjv\n1\tTrio\t0.4\n2\tPrisma\t0.5\n");
        IqmTable t = IqmTableReader.read(f);
        assertEquals(List.of("cjv"), t.columns());
        assertEquals("", t.problems().get(1));
    }

    @Test
    void flagColumnsOfAGroupTableReadAsOneAndZero() throws IOException {
        Path f = dir.resolve("group_T1w.tsv");
        Files.writeString(f, "bids_name\tdefaced\tskull_stripped\tefc\nsub-01_T1w\tfalse\ttrue\t0.88\n"
                + "sub-02_T1w\tFALSE\tfalse\t0.56\n");
        IqmTable t = IqmTableReader.read(f);
        assertEquals(List.of("defaced", "skull_stripped", "efc"), t.columns());
        assertEquals(1, t.value(0, "skull_stripped"));
        assertEquals(0, t.value(1, "skull_stripped"));
        assertEquals(0, t.value(1, "defaced"));
        assertEquals("", t.problems().get(0));
    }

    @Test
    void tableFromQcMapsTakesTheUnionOfColumnsAndNotesGaps() {
        IqmTable t = IqmTable.fromMaps("bids_name", List.of("a", "b"), null,
                List.of(java.util.Map.of("cjv", 0.4), java.util.Map.of("cjv", Double.NaN, "efc", 0.6)));
        assertEquals(List.of("cjv", "efc"), t.columns().stream().sorted().toList());
        assertTrue(Double.isNaN(t.value(0, "efc")) && Double.isNaN(t.value(1, "cjv")));
        assertTrue(t.problems().get(0).contains("efc missing"), t.problems().get(0));
        assertNull(t.sites().get(1));
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        IqmTableException e = assertThrows(IqmTableException.class, () -> IqmTableReader.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void headerWithoutRowsIsAnErrorNamingTheFile() throws IOException {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "subject_id,cjv\n");
        IqmTableException e = assertThrows(IqmTableException.class, () -> IqmTableReader.read(f));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("no rows"), e.getMessage());
    }

    @Test
    void ratingsKeepOnlyTheRatersColumnAndMarkMinusOneUnusable() throws IOException {
        Path f = dir.resolve("y.csv");
        Files.writeString(f, "subject_id,site,rater_1,rater_3\n1,A,1,-1\n2,A,-1,0\n3,B,1,\n");
        var r = ExpertRatings.read(f, "rater_3");
        assertEquals(2, r.size(), "scan 3 has no rater_3 rating");
        assertTrue(!r.get("1").usable() && r.get("2").usable(), "-1 is unusable, doubtful (0) is usable");
    }
}
