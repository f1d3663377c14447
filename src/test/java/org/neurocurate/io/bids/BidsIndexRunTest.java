package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

/** Threads, progress and cancellation of an index run. */
class BidsIndexRunTest {

    @TempDir
    Path tmp;

    private Path tree(int subjects) throws IOException {
        BidsTree t = new BidsTree(tmp.resolve("ds"));
        StringBuilder p = new StringBuilder("participant_id\tage\n");
        for (int s = 0; s < subjects; s++) {
            p.append("sub-").append(s).append('\t').append(20 + s).append('\n');
            t.text("sub-" + s + "/anat/sub-" + s + "_T1w.json", "{\"FlipAngle\": " + (s % 10 + 1) + "}");
            t.nifti("sub-" + s + "/anat/sub-" + s + "_T1w.nii", (short) 3, (short) 8, (short) 8, (short) 8);
            t.empty("sub-" + s + "/anat/sub-" + s + "_T2w.nii.gz");
        }
        t.text("participants.tsv", p.toString());
        return t.root();
    }

    @Test
    void resultIsTheSameWhateverTheThreadCount() throws IOException {
        Path root = tree(120);
        BidsIndexResult one = BidsIndex.index(new BidsIndexConfig(List.of(root), true, true, 1), ProgressListener.NONE);
        BidsIndexResult three = BidsIndex.index(new BidsIndexConfig(List.of(root), true, true, 3), ProgressListener.NONE);
        assertEquals(240, one.scans().size());
        assertEquals(one.table(), three.table());
    }

    @Test
    void progressReachesTheTotalAndCancellationStopsTheRun() throws IOException {
        Path root = tree(120);
        AtomicLong last = new AtomicLong();
        BidsIndex.index(BidsIndexConfig.of(List.of(root)), new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                last.accumulateAndGet(done, Math::max);
                assertEquals(240, total);
            }
        });
        assertEquals(240, last.get());
        BidsIndexResult cancelled = BidsIndex.index(BidsIndexConfig.of(List.of(root)), new ProgressListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        });
        assertTrue(cancelled.cancelled());
        assertEquals(0, cancelled.scans().size());
    }

    @Test
    void headersAreSkippedWhenConfiguredSo() throws IOException {
        Path root = tree(2);
        BidsIndexResult r = BidsIndex.index(new BidsIndexConfig(List.of(root), false, true, 1), ProgressListener.NONE);
        assertTrue(r.scans().stream().allMatch(s -> s.volumes() == -1));
    }
}
