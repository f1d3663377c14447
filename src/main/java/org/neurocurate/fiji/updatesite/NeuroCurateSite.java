package org.neurocurate.fiji.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What NeuroCurate's update site ships on top of a standard Fiji: the plugin jar, the macros, and the
 * libraries Fiji lacks — DJL's API and PyTorch engine with its JNI jar and the CPU natives (one jar per
 * platform under {@code jars/<platform>/}, never shaded: natives must load in one class loader) and
 * picocli. ImageJ, SciJava, imglib2, gson, JTransforms, commons-math3, JNA and commons-compress come
 * with Fiji.
 */
public final class NeuroCurateSite {

    /** Libraries to ship: artifact file-name prefix → site filename (and platform for natives). */
    private static final String[][] LIBRARIES = {
        {"api-", "jars/djl-api.jar", null, "Deep Java Library API"},
        {"pytorch-engine-", "jars/djl-pytorch-engine.jar", null, "DJL PyTorch engine"},
        {"pytorch-jni-", "jars/djl-pytorch-jni.jar", null, "DJL PyTorch JNI bridge"},
        {"pytorch-native-cpu-", "jars/linux64/djl-pytorch-native-cpu.jar", "linux64", "PyTorch CPU natives (Linux x86-64)"},
        {"picocli-", "jars/picocli.jar", null, "picocli, for NeuroCurate's command line"},
    };

    private NeuroCurateSite() {
    }

    /** The site's files from the plugin jar, the runtime classpath and the macros folder. */
    public static List<SiteFile> files(Path pluginJar, List<Path> classpath, Path macros) throws IOException {
        List<SiteFile> libraries = new ArrayList<>();
        for (String[] lib : LIBRARIES) {
            Path jar = classpath.stream().filter(p -> p.getFileName().toString().startsWith(lib[0])
                    && p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("the runtime classpath has no " + lib[0] + "*.jar to publish"));
            libraries.add(new SiteFile(lib[1], jar, lib[2], lib[3], List.of()));
        }
        List<SiteFile> files = new ArrayList<>();
        files.add(new SiteFile("plugins/NeuroCurate_.jar", pluginJar, null,
                "NeuroCurate: curation, quality control and contrastive pretraining on 3D brain MRI",
                libraries.stream().map(SiteFile::filename).toList()));
        files.addAll(libraries);
        if (Files.isDirectory(macros)) {
            try (Stream<Path> list = Files.list(macros)) {
                for (Path m : list.filter(p -> p.toString().endsWith(".ijm")).sorted().toList()) {
                    files.add(new SiteFile("macros/NeuroCurate/" + m.getFileName(), m, null,
                            "NeuroCurate example macro " + m.getFileName(), List.of("plugins/NeuroCurate_.jar")));
                }
            }
        }
        return files;
    }
}
