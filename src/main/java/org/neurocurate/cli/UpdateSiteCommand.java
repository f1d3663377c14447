package org.neurocurate.cli;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.neurocurate.fiji.updatesite.NeuroCurateSite;
import org.neurocurate.fiji.updatesite.SiteFile;
import org.neurocurate.fiji.updatesite.UpdateSite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurocurate update-site --out DIR}: a Fiji update site with the plugin, its libraries and macros. */
@Command(name = "update-site", description = "Write a Fiji update site (db.xml.gz and files) for NeuroCurate.")
final class UpdateSiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "folder to write the site into")
    Path out;

    @Option(names = "--plugin-jar", description = "the NeuroCurate_ jar (default: the one on the classpath)")
    Path pluginJar;

    @Option(names = "--macros", description = "macros folder to publish (default: ${DEFAULT-VALUE})")
    Path macros = Path.of("macros");

    @Option(names = "--timestamp", description = "yyyyMMddHHmmss (default: now, UTC)")
    String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));

    @Override
    public Integer call() throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Path jar = pluginJar != null ? pluginJar : classpath.stream()
                .filter(p -> p.getFileName().toString().matches("NeuroCurate_-.*\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no NeuroCurate_ jar on the classpath; give --plugin-jar"));
        List<SiteFile> files = NeuroCurateSite.files(jar, classpath, macros);
        UpdateSite.write(files, out, timestamp);
        spec.commandLine().getOut().printf("wrote %d files and db.xml.gz to %s%n", files.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
