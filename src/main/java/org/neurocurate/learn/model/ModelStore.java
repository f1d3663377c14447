package org.neurocurate.learn.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.neurocurate.learn.AtomicFiles;

/**
 * A trained encoder on disk: {@code DIR/encoder.params} (DJL parameter format of the whole network,
 * head included) and {@code DIR/model.json} ({@link ModelCard}). Both are written atomically; the
 * parameters first, so a model.json never points at missing weights.
 */
public final class ModelStore {

    public static final String PARAMS = "encoder.params";
    public static final String CARD = "model.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    /** A network read back with its card. */
    public record Loaded(EncoderNetwork network, ModelCard card) {
    }

    private ModelStore() {
    }

    public static void save(Path dir, EncoderNetwork network, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(PARAMS), network::saveParameters);
        AtomicFiles.writeString(dir.resolve(CARD), GSON.toJson(card));
    }

    /** Reads model.json. */
    public static ModelCard readCard(Path dir) throws IOException {
        Path file = dir.resolve(CARD);
        try {
            ModelCard card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelCard.class);
            if (card == null || !ModelCard.FORMAT.equals(card.format()) || card.encoder() == null) {
                throw new IOException(file + ": not a NeuroCurate model card (format " + ModelCard.FORMAT + ")");
            }
            return card;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": model card not found", e);
        } catch (RuntimeException e) {
            // Gson reports missing or mistyped fields as unchecked exceptions (JsonParseException and others)
            throw new IOException(file + ": unreadable model card: " + e.getMessage(), e);
        }
    }

    /** Rebuilds the network of {@code dir}'s card and loads its parameters onto {@code manager}. */
    public static Loaded load(Path dir, NDManager manager) throws IOException {
        ModelCard card = readCard(dir);
        EncoderNetwork network = Encoders.build(card.encoder(), manager);
        network.initialize(manager, card.gridZyx());
        Path params = dir.resolve(PARAMS);
        try (InputStream is = Files.newInputStream(params);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            network.loadParameters(manager, in);
        } catch (NoSuchFileException e) {
            throw new IOException(params + ": parameters not found", e);
        }
        return new Loaded(network, card);
    }
}
