package org.neurocurate.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.learn.DjlEnvironment;

class ModelStoreTest {

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
    }

    @Test
    void resnetMapsAVolumeToFeaturesAndProjections() {
        EncoderConfig c = new EncoderConfig(Architecture.RESNET3D, 4, new int[] {1, 1, 1, 1}, 1, 16, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(c, m);
            net.initialize(m, new long[] {16, 16, 16});
            NDArray x = m.randomNormal(new Shape(2, 1, 16, 16, 16));
            assertEquals(new Shape(2, 32), net.embed(x).getShape(), "8c features for base c = 4");
            assertEquals(new Shape(2, 8), net.project(x, false).getShape());
        }
    }

    @Test
    void denseNetConcatenatesGrowthChannelsAndHalvesThemAtTransitions() {
        EncoderConfig c = new EncoderConfig(Architecture.DENSENET3D, 8, new int[] {2, 2}, 4, 16, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(c, m);
            net.initialize(m, new long[] {32, 32, 32});
            // (8 + 2·4) / 2 = 8 after the transition, + 2·4 = 16 features
            assertEquals(16, net.featureDim());
            assertEquals(new Shape(1, 16), net.embed(m.randomNormal(new Shape(1, 1, 32, 32, 32))).getShape());
        }
    }

    @Test
    void savedModelReloadsWithTheSameEmbeddingsAndCard(@TempDir Path dir) throws IOException {
        EncoderConfig c = new EncoderConfig(Architecture.RESNET3D, 4, new int[] {1, 1, 1, 1}, 1, 16, 8);
        ModelCard card = new ModelCard(ModelCard.FORMAT, c, new long[] {16, 16, 16}, new double[] {2, 2, 2},
                "robust percentiles", Map.of("objective", "yaware"),
                new ModelCard.Provenance(List.of("a.nii.gz", "b.nii.gz"), List.of(1, 2), 42), 10, 3.5);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(c, m);
            net.initialize(m, card.gridZyx());
            NDArray x = m.randomNormal(new Shape(2, 1, 16, 16, 16));
            float[] before = net.embed(x).toFloatArray();
            ModelStore.save(dir, net, card);
            ModelStore.Loaded loaded = ModelStore.load(dir, m);
            assertArrayEquals(before, loaded.network().embed(x).toFloatArray(), 0f);
            assertEquals(c, loaded.card().encoder());
            assertEquals(List.of("a.nii.gz", "b.nii.gz"), loaded.card().provenance().scans());
            assertEquals(42, loaded.card().provenance().seed());
            assertArrayEquals(new long[] {16, 16, 16}, loaded.card().grid());
        }
    }

    @Test
    void aMissingOrForeignCardIsAnIoErrorNamingTheFile(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> ModelStore.readCard(dir));
        assertEquals(true, missing.getMessage().contains("model.json"));
        Files.writeString(dir.resolve("model.json"), "{\"format\":\"other\"}");
        assertThrows(IOException.class, () -> ModelStore.readCard(dir));
    }
}
