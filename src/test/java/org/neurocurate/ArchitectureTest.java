package org.neurocurate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md and STYLE.md rule 15, checked on the sources: the core never imports
 * user-interface packages, and a package imports only packages above it in the architecture's list.
 */
class ArchitectureTest {

    private static final Path SOURCES = Paths.get("src/main/java/org/neurocurate");

    /**
     * The architecture's order; a package may import only those before it (faces come last). artifact
     * stands before synth here: artifacts act on any volume, and the generator applies them to its scans.
     */
    private static final List<String> ORDER = List.of("progress", "volume", "io", "io.nifti", "io.bids", "artifact",
            "synth", "quality", "learn", "pipeline", "fiji", "cli");

    private static final List<String> UI = List.of("ij.gui", "java.awt", "javax.swing", "org.scijava.ui");

    @Test
    void coreNeverImportsUserInterfacePackages() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            if (pkg.startsWith("fiji") || pkg.startsWith("cli")) {
                continue;
            }
            for (String line : Files.readAllLines(f)) {
                for (String ui : UI) {
                    if (line.startsWith("import " + ui)) {
                        offenders.add(SOURCES.relativize(f) + ": " + line);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "UI imports in the core: " + offenders);
    }

    @Test
    void packagesDependOnlyOnPackagesAboveThem() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            int rank = rank(packageOf(f));
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("import org.neurocurate.")) {
                    String imported = line.substring("import org.neurocurate.".length(), line.lastIndexOf('.'));
                    int r = rank(imported);
                    boolean sameTree = imported.startsWith(top(packageOf(f))) || packageOf(f).startsWith(imported);
                    if (r > rank && !sameTree) {
                        offenders.add(SOURCES.relativize(f) + " imports " + imported);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "imports against the layering: " + offenders);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(Path f) {
        return SOURCES.relativize(f.getParent()).toString().replace('/', '.');
    }

    private static String top(String pkg) {
        return pkg.startsWith("io.") ? pkg : pkg.split("\\.")[0];
    }

    /** Position of the longest listed prefix of the package. */
    private static int rank(String pkg) {
        int best = -1;
        int len = -1;
        for (int i = 0; i < ORDER.size(); i++) {
            String p = ORDER.get(i);
            if ((pkg.equals(p) || pkg.startsWith(p + ".")) && p.length() > len) {
                best = i;
                len = p.length();
            }
        }
        return best;
    }
}
