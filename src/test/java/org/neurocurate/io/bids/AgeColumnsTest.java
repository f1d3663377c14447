package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgeColumnsTest {

    private static List<String> names(List<AgeColumns.AgeColumn> cols) {
        return cols.stream().map(c -> c.info().name()).toList();
    }

    @Test
    void ageAtScanColumnsQualifyAndAgesOfOtherEventsDoNot() {
        List<String> header = List.of("participant_id", "age", "Age", "age_at_scan", "AgeAtScan", "ScanAge",
                "age (5-year bins)", "AgeGroup", "age_epilepsyonset", "age_op", "AgeCog_W1", "AgePETAmy_W1",
                "stage", "page_count", "Sex");
        assertEquals(List.of("age", "Age", "age_at_scan", "AgeAtScan", "ScanAge", "age (5-year bins)"),
                names(AgeColumns.find(header, null)));
    }

    @Test
    void sessionBoundColumnsMatchOnlyTheirSessionAndImagingAgesComeFirst() {
        List<AgeColumns.AgeColumn> cols = AgeColumns.find(
                List.of("age", "AgeMRI_W1", "AgeMRI_W2", "age_ses-T1", "age_ses-T2", "age_mri"), null);
        assertEquals(List.of("AgeMRI_W1", "age_mri", "age"), names(AgeColumns.forSession(cols, "wave1")));
        assertEquals(List.of("age_ses-T2", "age_mri", "age"), names(AgeColumns.forSession(cols, "T2")));
        assertEquals(List.of("age_mri", "age"), names(AgeColumns.forSession(cols, "")), "no session: unbound only");
        assertTrue(AgeColumns.matches("w1", "wave1"));
        assertTrue(AgeColumns.matches("v2", "visit02"));
        assertFalse(AgeColumns.matches("w1", "wave2"));
        assertFalse(AgeColumns.matches("t1", "baseline"));
    }
}
