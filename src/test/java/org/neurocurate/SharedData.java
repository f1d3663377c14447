package org.neurocurate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

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
        Path dir = path(name);
        assumeTrue(Files.isDirectory(dir), "skipped: real test data " + dir + " is absent (../shared not beside the repo)");
        return dir;
    }

    /** True when {@code ../shared/data/<name>} is there. */
    public static boolean present(String name) {
        return Files.isDirectory(path(name));
    }

    /**
     * For a {@code @TestFactory}: the dynamic tests over {@code ../shared/data/<name>}, or one test that
     * is reported as skipped with the reason when the folder is absent.
     */
    public static Stream<DynamicTest> orSkipped(String name, Supplier<Stream<DynamicTest>> tests) {
        if (!present(name)) {
            return Stream.of(DynamicTest.dynamicTest("needs ../shared/data/" + name, () -> require(name)));
        }
        return tests.get();
    }

    private static Path path(String name) {
        String root = System.getProperty("neurocurate.shared", "../shared");
        return Paths.get(root, "data", name).toAbsolutePath().normalize();
    }
}
