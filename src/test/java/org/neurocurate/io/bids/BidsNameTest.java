package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BidsNameTest {

    @Test
    void entitiesSuffixAndExtensionAreSplit() {
        BidsName n = BidsName.parse("sub-01_ses-mri_acq-mprage_run-1_T1w.nii.gz").orElseThrow();
        assertEquals(Map.of("sub", "01", "ses", "mri", "acq", "mprage", "run", "1"), n.entities());
        assertEquals("T1w", n.suffix());
        assertEquals(".nii.gz", n.extension());
        assertEquals("sub-01_ses-mri_acq-mprage_run-1", n.entityString());
    }

    @Test
    void namesOutsideBidsAreRejected() {
        for (String bad : new String[] {"sub-01_acq-x_FLAIR_roi.nii.gz", "sub-01_ses-1-2_T1w.nii",
            "sub-01_sub-02_T1w.nii", "sub-01_T1w", "_T1w.nii", "sub-01_T1 w.nii"}) {
            assertFalse(BidsName.parse(bad).isPresent(), bad);
        }
        assertEquals("", BidsName.parse("brain.nii").orElseThrow().entity("sub"),
                "a bare name parses like a top-level sidecar but has no subject; the index rejects it for that");
    }

    @Test
    void inheritanceNeedsEntitiesToBeASubset() {
        BidsName file = BidsName.parse("sub-01_ses-1_acq-fast_T1w.nii.gz").orElseThrow();
        assertTrue(BidsName.parse("acq-fast_T1w.json").orElseThrow().entitiesAreSubsetOf(file));
        assertTrue(BidsName.parse("T1w.json").orElseThrow().entitiesAreSubsetOf(file));
        assertFalse(BidsName.parse("acq-slow_T1w.json").orElseThrow().entitiesAreSubsetOf(file));
        assertFalse(BidsName.parse("sub-01_run-1_T1w.json").orElseThrow().entitiesAreSubsetOf(file));
    }
}
