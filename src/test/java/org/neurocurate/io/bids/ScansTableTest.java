package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

class ScansTableTest {

    @TempDir
    Path tmp;

    private BidsIndexResult cohort() throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("ds"));
        t.text("participants.tsv", "participant_id\tage\tsex\tsite\nsub-01\t25\tF\tA\nsub-02\t70\tM\tB\nsub-03\tn/a\tF\tA\n");
        t.text("T1w.json", "{\"MagneticFieldStrength\": 1.5, \"Manufacturer\": \"GE MEDICAL SYSTEMS\"}");
        t.text("sub-02/anat/sub-02_T1w.json", "{\"MagneticFieldStrength\": 3, \"ProtocolName\": \"a\\tb\\nc\"}");
        for (String s : List.of("01", "02", "03")) {
            t.empty("sub-" + s + "/anat/sub-" + s + "_T1w.nii.gz");
            t.empty("sub-" + s + "/anat/sub-" + s + "_FLAIR.nii.gz");
        }
        return BidsIndex.index(BidsIndexConfig.of(List.of(t.root())), ProgressListener.NONE);
    }

    @Test
    void writtenTableHasTheDocumentedColumnsAndReadsBackIdentically() throws IOException {
        BidsIndexResult r = cohort();
        Path out = tmp.resolve("out/scans.tsv");
        ScansTable.write(out, r.scans());
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join("\t", ScansTable.COLUMNS), lines.get(0));
        assertEquals(7, lines.size(), "header + 6 images");
        ScansTable.Table back = ScansTable.read(out);
        assertEquals(ScansTable.COLUMNS, back.header());
        assertEquals(r.table().rows(), back.rows());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void filtersSelectByModalityAgeSexSiteFieldStrengthAndAnyColumn() throws IOException {
        ScansTable.Table table = cohort().table();
        assertEquals(3, table.filter(ScanFilter.modality("T1w")).rows().size());
        assertEquals(2, table.filter(ScanFilter.age(20, 30)).rows().size(), "sub-01's two scans; unknown age excluded");
        assertEquals(4, table.filter(ScanFilter.sex("f")).rows().size());
        assertEquals(4, table.filter(ScanFilter.site("ds/A")).rows().size());
        Predicate<ScanRow> threeTesla = ScanFilter.fieldStrength(2.5, 3.5);
        assertEquals(1, table.filter(threeTesla).rows().size(), "only sub-02's T1w has a 3 T sidecar");
        assertEquals(1, table.filter(ScanFilter.parse("field_strength_t=1.5..1.5")
                .and(ScanFilter.parse("participant_id=sub-01,sub-09")).and(ScanFilter.modality("T1w"))).rows().size());
        assertThrows(IllegalArgumentException.class, () -> ScanFilter.parse("age"));
    }

    @Test
    void columnsAddedByLaterStagesSurviveAndFilter() throws IOException {
        ScansTable.Table table = cohort().table();
        List<String> header = new java.util.ArrayList<>(table.header());
        header.add("tier");
        List<ScanRow> rows = table.rows().stream()
                .map(r -> r.with("tier", r.get(ScansTable.MODALITY).equals("T1w") ? "1" : "4")).toList();
        Path out = tmp.resolve("tiered.tsv");
        ScansTable.write(out, new ScansTable.Table(header, rows));
        ScansTable.Table back = ScansTable.read(out);
        assertEquals("tier", back.header().get(back.header().size() - 1));
        assertEquals(3, back.filter(ScanFilter.parse("tier=1..2")).rows().size());
        assertTrue(back.rows().stream().allMatch(r -> !r.get(ScansTable.PATH).isEmpty()));
    }

    @Test
    void readingSomethingElseFailsNamingTheFile() throws IOException {
        Path p = Files.writeString(tmp.resolve("x.tsv"), "a\tb\n1\t2\n");
        IOException e = assertThrows(IOException.class, () -> ScansTable.read(p));
        assertTrue(e.getMessage().contains("x.tsv"));
    }
}
