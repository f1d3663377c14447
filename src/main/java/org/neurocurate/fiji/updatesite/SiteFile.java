package org.neurocurate.fiji.updatesite;

import java.nio.file.Path;
import java.util.List;

/**
 * One file an update site offers.
 *
 * @param filename     its path in Fiji.app without a version, e.g. {@code jars/djl-api.jar}
 * @param source       the file to publish
 * @param platform     the Fiji platform it is for (linux64, win64, ...), or null for all
 * @param description  one sentence for the updater's list
 * @param dependencies filenames of other site files it needs
 */
public record SiteFile(String filename, Path source, String platform, String description, List<String> dependencies) {

    public SiteFile {
        dependencies = List.copyOf(dependencies);
        if (filename.startsWith("/") || filename.contains("\\")) {
            throw new IllegalArgumentException("site filenames are relative with '/': " + filename);
        }
    }
}
