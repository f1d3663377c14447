package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

/** Harmonisation rules on generated datasets covering what the real snapshots do not (months, days, sessions.tsv). */
class BidsIndexHarmonisationTest {

    /** Ages are written with 6 decimals: at most 0.5e-6 years of rounding. */
    private static final double AGE_TOLERANCE = 1e-6;

    @TempDir
    Path tmp;

    private static ScanRecord row(BidsIndexResult r, String fileName) {
        return r.scans().stream().filter(s -> s.path().getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + fileName));
    }

    private static BidsIndexResult index(Path root) {
        return BidsIndex.index(BidsIndexConfig.of(List.of(root)), ProgressListener.NONE);
    }

    @Test
    void ageDeclaredInMonthsOrDaysIsConvertedToYears() throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("months"));
        t.text("participants.tsv", BidsTree.tsv("\n", new String[] {"participant_id", "age"},
                new String[] {"sub-01", "18"}, new String[] {"sub-02", "n/a"}, new String[] {"sub-03", "old"}));
        t.text("participants.json", "{\"age\": {\"Description\": \"age at scan\", \"Units\": \"months\"}}");
        for (String s : List.of("01", "02", "03")) {
            t.empty("sub-" + s + "/anat/sub-" + s + "_T1w.nii.gz");
        }
        BidsTree d = new BidsTree(tmp.resolve("days"));
        d.text("participants.tsv", "participant_id\tage_days\nsub-01\t730.5\n");
        d.empty("sub-01/anat/sub-01_T1w.nii.gz");
        BidsIndexResult months = index(t.root());
        ScanRecord m1 = row(months, "sub-01_T1w.nii.gz");
        assertEquals(18 / 12.0, m1.age().orElseThrow(), AGE_TOLERANCE);
        assertTrue(m1.harmonised().get(ScansTable.AGE).note().contains("months to years"));
        assertTrue(row(months, "sub-02_T1w.nii.gz").age().isEmpty(), "n/a stays missing");
        assertTrue(row(months, "sub-02_T1w.nii.gz").problems().stream().noneMatch(p -> p.contains("age")),
                "a missing value is not a problem");
        ScanRecord m3 = row(months, "sub-03_T1w.nii.gz");
        assertTrue(m3.age().isEmpty());
        assertTrue(m3.problems().contains("participants.tsv[age]: age \"old\" is not a number, range or Levels code"),
                m3.problems().toString());
        ScanRecord d1 = index(d.root()).scans().get(0);
        assertEquals(730.5 / 365.25, d1.age().orElseThrow(), AGE_TOLERANCE, "unit from the column name age_days");
    }

    @Test
    void sessionBoundAgeColumnsSessionsTsvAndLongFormatGiveTheAgeAtEachSession() throws IOException {
        BidsTree wide = new BidsTree(tmp.resolve("wide"));
        wide.text("participants.tsv", "participant_id\tAgeCog_W1\tAgeMRI_W1\tAgeMRI_W2\nsub-01\t50\t51\t55\n");
        wide.empty("sub-01/ses-wave1/anat/sub-01_ses-wave1_T1w.nii.gz");
        wide.empty("sub-01/ses-wave2/anat/sub-01_ses-wave2_T1w.nii.gz");
        wide.empty("sub-01/ses-wave3/anat/sub-01_ses-wave3_T1w.nii.gz");
        BidsIndexResult w = index(wide.root());
        assertEquals(51, row(w, "sub-01_ses-wave1_T1w.nii.gz").age().orElseThrow(), 0, "MRI age, not cognitive");
        assertEquals(55, row(w, "sub-01_ses-wave2_T1w.nii.gz").age().orElseThrow(), 0);
        assertTrue(row(w, "sub-01_ses-wave3_T1w.nii.gz").age().isEmpty(), "no column for wave 3: no age invented");

        BidsTree ses = new BidsTree(tmp.resolve("sessions"));
        ses.text("participants.tsv", "participant_id\tage\nsub-01\t20\n");
        ses.text("sub-01/sub-01_sessions.tsv", "session_id\tage\nses-a\t20.5\nses-b\tn/a\n");
        ses.empty("sub-01/ses-a/anat/sub-01_ses-a_T1w.nii.gz");
        ses.empty("sub-01/ses-b/anat/sub-01_ses-b_T1w.nii.gz");
        BidsIndexResult s = index(ses.root());
        assertEquals(20.5, row(s, "sub-01_ses-a_T1w.nii.gz").age().orElseThrow(), 0, "sessions.tsv wins");
        assertEquals("sub-01_sessions.tsv[age]", row(s, "sub-01_ses-a_T1w.nii.gz").harmonised().get("age").source());
        assertEquals(20, row(s, "sub-01_ses-b_T1w.nii.gz").age().orElseThrow(), 0, "falls back to participants.tsv");

        BidsTree lng = new BidsTree(tmp.resolve("long"));
        lng.text("participants.tsv", "participant_id\tsession\tScanAge\tSex\nsub-01\t1\t20.9\t2\nsub-01\t2\t22.9\t2\n");
        lng.text("participants.json", "{\"Sex\": {\"Levels\": {\"2\": \"male\", \"1\": \"female\"}}}");
        lng.empty("sub-01/ses-1/anat/sub-01_ses-1_T1w.nii.gz");
        lng.empty("sub-01/ses-2/anat/sub-01_ses-2_T1w.nii.gz");
        lng.empty("sub-01/ses-3/anat/sub-01_ses-3_T1w.nii.gz");
        BidsIndexResult l = index(lng.root());
        assertEquals(22.9, row(l, "sub-01_ses-2_T1w.nii.gz").age().orElseThrow(), AGE_TOLERANCE);
        assertEquals("M", row(l, "sub-01_ses-2_T1w.nii.gz").value(ScansTable.SEX), "reversed Levels: 2 = male");
        assertTrue(row(l, "sub-01_ses-3_T1w.nii.gz").problems().contains("participants.tsv: no row for sub-01 session \"3\""));
        assertEquals(1, l.datasets().get(0).listedParticipants(), "two rows, one participant");
    }

    @Test
    void sidecarsInheritFromDatasetToSubjectToSessionToFile() throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("inherit"));
        t.text("participants.tsv", "participant_id\nsub-01\n");
        t.text("T1w.json", "{\"Manufacturer\": \"SIEMENS\", \"MagneticFieldStrength\": 2.89362, \"FlipAngle\": 8,"
                + " \"RepetitionTime\": 2300, \"EchoTime\": 0.003}");
        t.text("acq-fast_T1w.json", "{\"FlipAngle\": 5}");
        t.text("sub-01/sub-01_T1w.json", "{\"ManufacturersModelName\": \"Prisma\"}");
        t.text("sub-01/ses-1/sub-01_ses-1_T1w.json", "{\"EchoTime\": 2.5}");
        t.text("sub-01/ses-1/anat/sub-01_ses-1_acq-fast_T1w.json", "{\"PhaseEncodingDirection\": \"j-\"}");
        t.empty("sub-01/ses-1/anat/sub-01_ses-1_acq-fast_T1w.nii.gz");
        t.empty("sub-01/ses-1/anat/sub-01_ses-1_T1w.nii.gz");
        t.empty("sub-01/ses-1/anat/sub-01_ses-1_T2w.nii.gz");
        BidsIndexResult r = index(t.root());
        ScanRecord fast = row(r, "sub-01_ses-1_acq-fast_T1w.nii.gz");
        assertEquals(List.of("T1w.json", "acq-fast_T1w.json", "sub-01/sub-01_T1w.json",
                "sub-01/ses-1/sub-01_ses-1_T1w.json", "sub-01/ses-1/anat/sub-01_ses-1_acq-fast_T1w.json"), fast.sidecars());
        assertEquals("5", fast.value(ScansTable.FLIP_ANGLE), "acq-specific top-level sidecar overrides T1w.json");
        assertEquals("j-", fast.value(ScansTable.PHASE_ENCODING));
        assertEquals("Siemens", fast.value(ScansTable.MANUFACTURER));
        assertEquals("Prisma", fast.value(ScansTable.MODEL));
        assertEquals("3", fast.value(ScansTable.FIELD_STRENGTH), "2.89362 T is a nominal 3 T magnet");
        assertEquals("2.3", fast.value(ScansTable.TR), "TR 2300 can only be ms");
        assertEquals("0.0025", fast.value(ScansTable.TE), "session-level TE 2.5 overrides and is ms");
        assertEquals("inherit/Siemens_Prisma_3T", fast.value(ScansTable.SITE));
        ScanRecord plain = row(r, "sub-01_ses-1_T1w.nii.gz");
        assertEquals("8", plain.value(ScansTable.FLIP_ANGLE), "acq-fast sidecar does not apply without acq-fast");
        assertEquals("", plain.value(ScansTable.PHASE_ENCODING));
        assertEquals(List.of(), row(r, "sub-01_ses-1_T2w.nii.gz").sidecars(), "T1w sidecars never apply to T2w");
        Harmonised t2Site = row(r, "sub-01_ses-1_T2w.nii.gz").harmonised().get(ScansTable.SITE);
        assertEquals("inherit/Siemens_Prisma_3T", t2Site.value(), "site of the session's other scans");
        assertEquals("from other scans of sub-01 ses-1", t2Site.note());
    }

    @Test
    void volumeCountComesFromTheNiftiHeaderOfNonEmptyFiles() throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("vols"));
        t.text("participants.tsv", "participant_id\nsub-01\n");
        t.nifti("sub-01/func/sub-01_task-rest_bold.nii.gz", (short) 4, (short) 8, (short) 8, (short) 6, (short) 37);
        t.nifti("sub-01/anat/sub-01_T1w.nii", (short) 3, (short) 16, (short) 16, (short) 16);
        t.empty("sub-01/anat/sub-01_T2w.nii.gz");
        BidsIndexResult r = index(t.root());
        assertEquals(37, row(r, "sub-01_task-rest_bold.nii.gz").volumes());
        assertEquals("func", row(r, "sub-01_task-rest_bold.nii.gz").datatype());
        assertEquals(1, row(r, "sub-01_T1w.nii").volumes());
        assertEquals(-1, row(r, "sub-01_T2w.nii.gz").volumes());
        assertTrue(row(r, "sub-01_T2w.nii.gz").problems().contains("sub-01_T2w.nii.gz: empty file (0 bytes), volume count unknown"));
    }
}
