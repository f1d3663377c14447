package org.neurocurate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's real test data in ../shared/data (system property {@code neurocurate.shared},
 * set by the build). Tests that need it call {@link #require(String)}, which skips the test with a clear
 * message when the folder is absent instead of failing.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The folder {@code ../shared/data/<name>}, or the test is skipped with a message saying why. */
    public static Path require(String name) {
        String root = System.getProperty("neurocurate.shared", "../shared");
        Path dir = Paths.get(root, "data", name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "skipped: real test data " + dir + " is absent (../shared not beside the repo)");
        return dir;
    }
}
