package org.neurocurate.quality.tier;

import org.neurocurate.io.AtomicOutput;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * NeuroCurate's tier model file: one JSON object, written by hand in a fixed key order so the same
 * model always gives the same bytes. Numbers that are exact floats (tree thresholds and leaves,
 * calibration knots) are written with 9 significant digits and read back as floats, others with 17;
 * both are decimal expansions computed with BigDecimal, independent of the JDK's double printing.
 * Layout: {@code format, provenance, min_site_scans, iqms, global_iqms, global_median, global_scale,
 * calibration {score, p_usable}, tier_cuts, forest [tree...], boosting {bias, trees [tree...]} | null};
 * a tree is {@code {feature, threshold, left, right, value}} arrays (feature -1 marks a leaf).
 */
public final class TierModelJson {

    /** The format tag; readers reject other values. */
    public static final String FORMAT = "neurocurate-tier-model/1";
    /** Where the shipped default model lives on the classpath. */
    public static final String DEFAULT_RESOURCE = "/org/neurocurate/quality/tier/tier-model-abide.json";

    private TierModelJson() {
    }

    /** The model shipped in the jar (trained on ABIDE with the default config and seed). */
    public static TierModel shipped() throws IOException {
        try (InputStream in = TierModelJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the default tier model " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), Path.of(DEFAULT_RESOURCE));
        }
    }

    public static TierModel read(Path file) throws IOException {
        IqmTableReader.requireFile(file);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file);
        }
    }

    private static TierModel read(Reader in, Path file) throws IqmTableException {
        try {
            JsonObject o = JsonParser.parseReader(in).getAsJsonObject();
            if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
                throw new IqmTableException(file, "not a NeuroCurate tier model (format must be " + FORMAT + ")");
            }
            List<String> iqms = strings(o.getAsJsonArray("iqms"));
            FeatureSpec spec = new FeatureSpec(iqms, strings(o.getAsJsonArray("global_iqms")),
                    o.get("min_site_scans").getAsInt());
            JsonObject prov = o.getAsJsonObject("provenance");
            RobustReference global = new RobustReference(doubles(o.getAsJsonArray("global_median"), false),
                    doubles(o.getAsJsonArray("global_scale"), false), prov.get("scans").getAsInt());
            JsonObject cal = o.getAsJsonObject("calibration");
            IsotonicCalibration calibration = new IsotonicCalibration(doubles(cal.getAsJsonArray("score"), true),
                    doubles(cal.getAsJsonArray("p_usable"), true));
            TierScale scale = new TierScale(doubles(o.getAsJsonArray("tier_cuts"), false));
            RandomForest forest = new RandomForest(trees(o.getAsJsonArray("forest")));
            BoostedTrees boosting = null;
            if (o.has("boosting") && !o.get("boosting").isJsonNull()) {
                JsonObject b = o.getAsJsonObject("boosting");
                boosting = new BoostedTrees(b.get("bias").getAsDouble(), trees(b.getAsJsonArray("trees")));
            }
            TierModel.Provenance p = new TierModel.Provenance(prov.get("modality").getAsString(), prov.get("rater").getAsString(),
                    prov.get("seed").getAsLong(), prov.get("scans").getAsInt(), prov.get("unusable").getAsInt(),
                    strings(prov.getAsJsonArray("sites")));
            return new TierModel(spec, global, new TierClassifier(forest, boosting), calibration, scale, p);
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException
                 | IllegalArgumentException e) {
            throw new IqmTableException(file, "malformed tier model: " + e.getMessage());
        }
    }

    /** The model as JSON text (deterministic). */
    public static String write(TierModel m) {
        JsonText j = new JsonText();
        j.open().key("format").str(FORMAT);
        TierModel.Provenance p = m.provenance();
        j.key("provenance").open().key("modality").str(p.modality()).key("rater").str(p.rater()).key("seed").raw(Long.toString(p.seed()))
                .key("scans").raw(Integer.toString(p.scans())).key("unusable").raw(Integer.toString(p.unusable()))
                .key("sites").strs(p.sites()).close();
        j.key("min_site_scans").raw(Integer.toString(m.spec().minSiteScans()));
        j.key("iqms").strs(m.spec().iqms()).key("global_iqms").strs(m.spec().globalIqms());
        j.key("global_median").nums(m.global().median(), false).key("global_scale").nums(m.global().scale(), false);
        j.key("calibration").open().key("score").nums(m.calibration().score(), true)
                .key("p_usable").nums(m.calibration().probability(), true).close();
        j.key("tier_cuts").nums(m.scale().cuts(), false);
        j.key("forest").trees(m.classifier().forest().trees());
        BoostedTrees b = m.classifier().boosting();
        if (b == null) {
            j.key("boosting").raw("null");
        } else {
            j.key("boosting").open().key("bias").num(b.bias()).key("trees").trees(b.trees()).close();
        }
        return j.close().toString() + "\n";
    }

    /** Writes the model atomically. */
    public static void write(TierModel m, Path file) throws IOException {
        AtomicOutput.writeString(file, write(m));
    }

    private static List<DecisionTree> trees(JsonArray a) {
        List<DecisionTree> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject t = e.getAsJsonObject();
            out.add(new DecisionTree(ints(t.getAsJsonArray("feature")), doubles(t.getAsJsonArray("threshold"), true),
                    ints(t.getAsJsonArray("left")), ints(t.getAsJsonArray("right")),
                    doubles(t.getAsJsonArray("value"), true)));
        }
        return out;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    /** Numbers; {@code asFloat} parses each as the nearest float first (they were written from floats). */
    private static double[] doubles(JsonArray a, boolean asFloat) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            String s = a.get(i).getAsString();
            v[i] = asFloat ? Float.parseFloat(s) : Double.parseDouble(s);
        }
        return v;
    }
}
