package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

class TierModelJsonTest {

    @TempDir
    Path dir;

    static TierTrainingConfig small() {
        return TierTrainingConfig.defaults().withForest(new ForestConfig(20, 6, 5, 0, true, 1));
    }

    @Test
    void writtenModelReadsBackToTheSameBytesAndPredictions() throws IOException {
        var rated = SyntheticIqms.generate(4, 40, 0.2, 4, 9);
        TierModel m = TierTrainer.train(rated, small(), ProgressListener.NONE);
        Path f = dir.resolve("m.json");
        TierModelJson.write(m, f);
        TierModel back = TierModelJson.read(f);
        assertEquals(TierModelJson.write(m), TierModelJson.write(back));
        var a = TierPredictor.predict(rated.table(), m, ProgressListener.NONE);
        var b = TierPredictor.predict(rated.table(), back, ProgressListener.NONE);
        assertEquals(a, b, "floats are written with enough digits to rebuild every threshold exactly");
    }

    @Test
    void identifyingColumnsAreNotFeatures() throws IOException {
        var rated = SyntheticIqms.generate(3, 30, 0.2, 4, 9);
        TierModel m = TierTrainer.train(rated, small(), ProgressListener.NONE);
        assertTrue(m.spec().iqms().stream().noneMatch(c -> c.startsWith("size_") || c.startsWith("spacing_")
                || c.equals("summary_bg_n")), m.spec().iqms().toString());
    }

    @Test
    void shippedModelLoadsAndNamesItsTrainingSet() throws IOException {
        TierModel m = TierModelJson.shipped();
        assertEquals(17, m.provenance().sites().size(), "ABIDE has 17 sites");
        assertEquals(TierTrainingConfig.DEFAULT_SEED, m.provenance().seed());
    }

    @Test
    void otherJsonIsRejectedNamingTheFile() throws IOException {
        Path f = dir.resolve("other.json");
        Files.writeString(f, "{\"format\":\"something-else\"}");
        IqmTableException e = assertThrows(IqmTableException.class, () -> TierModelJson.read(f));
        assertTrue(e.getMessage().contains("other.json"), e.getMessage());
        Files.writeString(f, "{\"format\":\"" + TierModelJson.FORMAT + "\"}");
        e = assertThrows(IqmTableException.class, () -> TierModelJson.read(f));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }
}
