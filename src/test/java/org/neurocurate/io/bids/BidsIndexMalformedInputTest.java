package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

/** Malformed inputs give a problem on the affected rows and the index goes on. */
class BidsIndexMalformedInputTest {

    @TempDir
    Path tmp;

    private BidsTree twoSubjects() throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("ds"));
        t.text("participants.tsv", BidsTree.tsv("\n", new String[] {"participant_id", "age", "sex"},
                new String[] {"sub-01", "30", "F"}, new String[] {"sub-02", "40", "M"}));
        t.empty("sub-01/anat/sub-01_T1w.nii.gz");
        t.empty("sub-02/anat/sub-02_T1w.nii.gz");
        return t;
    }

    private static BidsIndexResult index(Path... roots) {
        return BidsIndex.index(BidsIndexConfig.of(List.of(roots)), ProgressListener.NONE);
    }

    private static ScanRecord row(BidsIndexResult r, String fileName) {
        return r.scans().stream().filter(s -> s.path().getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + fileName));
    }

    private static boolean hasProblem(ScanRecord r, String fragment) {
        return r.problems().stream().anyMatch(p -> p.contains(fragment));
    }

    @Test
    void invalidSidecarJsonIsAProblemOnlyForFilesInheritingIt() throws IOException {
        BidsTree t = twoSubjects();
        t.text("sub-01/anat/sub-01_T1w.json", "{\"MagneticFieldStrength\": 3,}");
        t.text("sub-02/anat/sub-02_T1w.json", "{\"MagneticFieldStrength\": 1.5}");
        BidsIndexResult r = index(t.root());
        assertTrue(hasProblem(row(r, "sub-01_T1w.nii.gz"), "sub-01_T1w.json: invalid JSON"));
        assertEquals("", row(r, "sub-01_T1w.nii.gz").value(ScansTable.FIELD_STRENGTH));
        assertEquals("1.5", row(r, "sub-02_T1w.nii.gz").value(ScansTable.FIELD_STRENGTH));
        assertFalse(hasProblem(row(r, "sub-02_T1w.nii.gz"), "JSON"));
    }

    @Test
    void utf16SidecarIsReadAndTopLevelArrayIsAProblem() throws IOException {
        BidsTree t = twoSubjects();
        t.text("sub-01/anat/sub-01_T1w.json", "{\"FlipAngle\": 7}", StandardCharsets.UTF_16);
        t.text("sub-02/anat/sub-02_T1w.json", "[1, 2]");
        BidsIndexResult r = index(t.root());
        assertEquals("7", row(r, "sub-01_T1w.nii.gz").value(ScansTable.FLIP_ANGLE));
        assertTrue(hasProblem(row(r, "sub-02_T1w.nii.gz"), "sub-02_T1w.json: invalid sidecar (top level is not a JSON object)"));
    }

    @Test
    void raggedParticipantsRowIsReportedAndOtherSubjectsKeepTheirValues() throws IOException {
        BidsTree t = twoSubjects();
        t.text("participants.tsv", "participant_id\tage\tsex\nsub-01\t30\nsub-02\t40\tM\textra\n");
        t.empty("sub-03/anat/sub-03_T1w.nii.gz");
        BidsIndexResult r = index(t.root());
        ScanRecord s1 = row(r, "sub-01_T1w.nii.gz");
        assertTrue(hasProblem(s1, "participants.tsv line 2 has 2 cells, header has 3"), s1.problems().toString());
        assertEquals(30, s1.age().orElseThrow(), 0, "cells present before the gap are kept");
        assertEquals("", s1.value(ScansTable.SEX), "a missing cell is missing, not invented");
        assertTrue(hasProblem(row(r, "sub-02_T1w.nii.gz"), "line 3 has 4 cells"));
        assertEquals("M", row(r, "sub-02_T1w.nii.gz").value(ScansTable.SEX));
        assertTrue(hasProblem(row(r, "sub-03_T1w.nii.gz"), "sub-03 is not listed"));
        assertEquals(2, r.datasets().get(0).listedParticipants());
    }

    @Test
    void participantsTsvWithBomOrUtf16OrCrlfIsReadAndTheEncodingReported() throws IOException {
        String content = BidsTree.tsv("\r\n", new String[] {"participant_id", "age", "sex"},
                new String[] {"sub-01", "30", "F"}, new String[] {"sub-02", "40", "M"});
        byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Object[][] cases = {{bom, "UTF-8 BOM"}, {content.getBytes(StandardCharsets.UTF_16), "UTF-16BE"},
            {content.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE without BOM"}, {utf8, null}};
        for (Object[] c : cases) {
            BidsTree t = new BidsTree(tmp.resolve("ds-" + (c[1] == null ? "crlf" : c[1].toString().replace(' ', '-'))));
            t.bytes("participants.tsv", (byte[]) c[0]);
            t.empty("sub-02/anat/sub-02_T1w.nii.gz");
            ScanRecord s = index(t.root()).scans().get(0);
            assertEquals(40, s.age().orElseThrow(), 0, "age read through " + c[1]);
            assertEquals("M", s.value(ScansTable.SEX), "no stray CR in the last cell: " + c[1]);
            if (c[1] != null) {
                assertTrue(hasProblem(s, "encoding " + c[1]), s.problems().toString());
            } else {
                assertTrue(s.problems().stream().noneMatch(p -> p.contains("encoding")), "plain UTF-8 with CRLF is clean");
            }
        }
    }

    @Test
    void filesNamedOutsideBidsGetARowWithAProblem() throws IOException {
        BidsTree t = twoSubjects();
        t.empty("sub-01/anat/sub-01_acq-x_FLAIR_roi.nii.gz");
        t.empty("sub-01/anat/brain.nii");
        t.empty("sub-01/sub-01_T2w.nii.gz");
        t.empty("sub-01/anat/sub-02_T2w.nii.gz");
        BidsIndexResult r = index(t.root());
        assertTrue(hasProblem(row(r, "sub-01_acq-x_FLAIR_roi.nii.gz"), "name outside BIDS"));
        assertTrue(hasProblem(row(r, "brain.nii"), "name outside BIDS"));
        assertEquals("sub-01", row(r, "brain.nii").participantId(), "subject taken from the folder");
        assertEquals(30, row(r, "brain.nii").age().orElseThrow(), 0, "so its participant facts are known");
        assertEquals("", row(r, "brain.nii").modality(), "no suffix is guessed");
        assertTrue(hasProblem(row(r, "sub-01_T2w.nii.gz"), "not inside a BIDS datatype folder"));
        assertTrue(hasProblem(row(r, "sub-02_T2w.nii.gz"), "but folder is sub-01"));
        assertEquals(6, r.scans().size(), "the two good files are indexed too");
        assertEquals(30, row(r, "sub-01_T1w.nii.gz").age().orElseThrow(), 0);
    }

    @Test
    void symlinkLoopIsReportedAndTheRestIsIndexed() throws IOException {
        BidsTree t = twoSubjects();
        Path loop = t.root().resolve("sub-01/anat/loop");
        try {
            Files.createSymbolicLink(loop, t.root().resolve("sub-01"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not supported here: " + e);
        }
        BidsIndexResult r = index(t.root());
        assertTrue(r.scans().stream().anyMatch(s -> s.path().equals(loop) && hasProblem(s, "symbolic link loop")),
                "loop reported as a row");
        assertEquals(30, row(r, "sub-01_T1w.nii.gz").age().orElseThrow(), 0);
        assertEquals(40, row(r, "sub-02_T1w.nii.gz").age().orElseThrow(), 0);
    }

    @Test
    void unreadableFilesAreProblemsOnTheirRows() throws IOException {
        BidsTree t = twoSubjects();
        Files.createDirectories(t.root().resolve("sub-02/anat/sub-02_T1w.json"));
        Files.createSymbolicLink(t.root().resolve("sub-02/anat/sub-02_T2w.nii.gz"), t.root().resolve("nowhere.nii.gz"));
        t.bytes("sub-01/anat/sub-01_T2w.nii", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        BidsIndexResult r = index(t.root());
        assertTrue(hasProblem(row(r, "sub-02_T1w.nii.gz"), "sub-02_T1w.json: unreadable"));
        assertTrue(hasProblem(row(r, "sub-02_T2w.nii.gz"), "sub-02_T2w.nii.gz: unreadable"));
        assertTrue(hasProblem(row(r, "sub-01_T2w.nii"), "only 10 bytes, a NIfTI header needs 348"));
        assertEquals(40, row(r, "sub-02_T2w.nii.gz").age().orElseThrow(), 0, "participant facts still filled in");
    }

    @Test
    void fileWithoutReadPermissionIsAProblem() throws IOException {
        BidsTree t = twoSubjects();
        Path img = t.nifti("sub-01/anat/sub-01_T2w.nii", (short) 3, (short) 4, (short) 4, (short) 4);
        Files.setPosixFilePermissions(img, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(img), "running as root: permissions do not stop reading");
        BidsIndexResult r = index(t.root());
        assertTrue(hasProblem(row(r, "sub-01_T2w.nii"), "unreadable"));
        assertEquals(30, row(r, "sub-01_T1w.nii.gz").age().orElseThrow(), 0);
    }

    @Test
    void invalidParticipantsJsonAndMissingDatasetAreReportedNotFatal() throws IOException {
        BidsTree t = twoSubjects();
        t.text("participants.json", "{\"age\": {\"Units\": \"months\"");
        BidsIndexResult r = index(tmp.resolve("does-not-exist"), t.root());
        assertTrue(r.datasets().get(0).problems().get(0).contains("not a folder"));
        ScanRecord s = row(r, "sub-01_T1w.nii.gz");
        assertTrue(hasProblem(s, "participants.json: invalid JSON"), s.problems().toString());
        assertEquals(30, s.age().orElseThrow(), 0, "without a readable participants.json, years are assumed");
    }
}
