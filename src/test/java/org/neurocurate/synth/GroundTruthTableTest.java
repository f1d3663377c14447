package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

/** Reading sourcedata/groundtruth.tsv back. */
class GroundTruthTableTest {

    @TempDir
    Path tmp;

    @Test
    void readsBackWhatTheGeneratorWrote() throws Exception {
        CohortSpec spec = CohortSpec.defaults().withSubjects(3).withSeed(4).withSites(2).withGridMm(4)
                .withArtifactRate(1).withThreads(1);
        CohortResult r = CohortGenerator.generate(spec, tmp.resolve("ds"), ProgressListener.NONE);
        List<GroundTruthRow> back = GroundTruthTable.read(tmp.resolve("ds"));
        assertEquals(r.rows().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            GroundTruthRow a = r.rows().get(i);
            GroundTruthRow b = back.get(i);
            assertEquals(a.scan(), b.scan());
            assertEquals(a.tier(), b.tier());
            assertEquals(a.artifacts(), b.artifacts(), "severities are written with 2 decimals, as sampled");
            assertEquals(a.age(), b.age(), 0.05, "age written with one decimal");
            // volumes written with 2 decimals
            assertEquals(a.tissueMl().get(Tissue.VENTRICLE.label()), b.tissueMl().get(Tissue.VENTRICLE.label()), 0.005);
            assertEquals(a.intracranialMl(), b.intracranialMl(), 0.005);
        }
    }

    @Test
    void aBrokenCellIsReportedWithFileAndLine() throws Exception {
        Path root = tmp.resolve("ds");
        CohortGenerator.generate(CohortSpec.defaults().withSubjects(1).withSeed(1).withGridMm(4), root, ProgressListener.NONE);
        Path table = root.resolve(GroundTruthTable.RELATIVE_PATH);
        List<String> lines = Files.readAllLines(table);
        Files.write(table, List.of(lines.get(0), lines.get(1).replaceFirst("\t(true|false)\t", "\tmaybe\t")));
        GroundTruthException e = assertThrows(GroundTruthException.class, () -> GroundTruthTable.read(root));
        assertTrue(e.getMessage().startsWith(table + ":2: ") && e.getMessage().contains("maybe"), e.getMessage());
        assertThrows(GroundTruthException.class, () -> GroundTruthTable.read(tmp.resolve("nothing")));
    }
}
