package org.neurocurate.io.bids;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON sidecars of one dataset with the BIDS inheritance principle: the metadata of a data file is the
 * merge of every {@code .json} in its own directory and in each ancestor directory up to the dataset
 * root whose suffix equals the file's and whose entities are a subset of the file's entities, applied
 * from the root down (and, within a directory, from fewer to more entities), later keys overriding
 * earlier ones (BIDS 1.9, "The Inheritance Principle").
 *
 * <p>Each directory is listed once and each sidecar parsed once, whatever the number of data files
 * sharing it; thread-safe. Parsing is strict JSON (no comments, no trailing commas, no NaN).
 */
public final class Sidecars {

    private static final Gson GSON = new Gson();

    /** One sidecar of a directory: its parsed name and content, or why it cannot be used. */
    private record Entry(Path file, BidsName name, JsonObject json, String problem) { }

    /**
     * The merged metadata of one data file.
     *
     * @param values   key → value after inheritance
     * @param origin   key → file name of the sidecar that supplied the value
     * @param files    applicable sidecars, least specific first (relative to the dataset root)
     * @param problems applicable sidecars that could not be used
     */
    public record Merged(Map<String, JsonElement> values, Map<String, String> origin, List<String> files,
                         List<String> problems) { }

    private final Path root;
    private final Map<Path, List<Entry>> byDirectory = new ConcurrentHashMap<>();

    public Sidecars(Path root) {
        this.root = root;
    }

    /** Parses a JSON file that must hold an object; the exception names the file and the reason. */
    public static JsonObject parseObject(Path file) throws SidecarException {
        String text;
        try {
            text = DecodedText.read(file).text();
        } catch (IOException e) {
            throw new SidecarException(file, "unreadable (" + e + ")", e);
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.LEGACY_STRICT);
            JsonElement e = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new SidecarException(file, "invalid JSON (text after the top-level value)", null);
            }
            if (e == null || !e.isJsonObject()) {
                throw new SidecarException(file, "invalid sidecar (top level is not a JSON object)", null);
            }
            return e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof SidecarException se) {
                throw se;
            }
            throw new SidecarException(file, "invalid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The inherited metadata for {@code dataFile} (a path under the root) with parsed name {@code name}. */
    public Merged forFile(Path dataFile, BidsName name) {
        List<Path> dirs = new ArrayList<>();
        for (Path d = dataFile.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
            dirs.add(0, d);
        }
        Map<String, JsonElement> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            List<Entry> applicable = new ArrayList<>();
            for (Entry e : entries(dir)) {
                if (e.name.suffix().equals(name.suffix()) && e.name.entitiesAreSubsetOf(name)) {
                    applicable.add(e);
                }
            }
            applicable.sort(Comparator.comparingInt(e -> e.name.entities().size()));
            for (Entry e : applicable) {
                String rel = root.relativize(e.file).toString();
                if (e.json == null) {
                    problems.add(e.problem);
                    continue;
                }
                files.add(rel);
                for (Map.Entry<String, JsonElement> kv : e.json.entrySet()) {
                    values.put(kv.getKey(), kv.getValue());
                    origin.put(kv.getKey(), e.file.getFileName().toString());
                }
            }
        }
        return new Merged(values, origin, files, problems);
    }

    private List<Entry> entries(Path dir) {
        return byDirectory.computeIfAbsent(dir, Sidecars::list);
    }

    private static List<Entry> list(Path dir) {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                Optional<BidsName> name = BidsName.parse(f.getFileName().toString());
                if (name.isEmpty() || !name.get().extension().equals(".json")) {
                    continue;
                }
                try {
                    out.add(new Entry(f, name.get(), parseObject(f), ""));
                } catch (SidecarException e) {
                    out.add(new Entry(f, name.get(), null, e.getMessage()));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Images are only found in folders the walk could list; a folder failing now (removed or
            // made unreadable during the run) has no sidecars to offer, and its images fail on their own.
            return List.of();
        }
        out.sort(Comparator.comparing(e -> e.file.getFileName().toString()));
        return out;
    }
}
