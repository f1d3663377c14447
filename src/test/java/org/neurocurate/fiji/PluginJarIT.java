package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The packaged jar is what Fiji needs: an underscore in its name, plugins.config at the root, the plugin index. */
class PluginJarIT {

    @Test
    void jarCarriesPluginsConfigAndTheSciJavaIndex() throws Exception {
        Path jar = Path.of(System.getProperty("neurocurate.jar"));
        assertTrue(Files.isRegularFile(jar), "built jar " + jar);
        assertTrue(jar.getFileName().toString().startsWith("NeuroCurate_-"), "ImageJ 1 loads only names with '_'");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getEntry("plugins.config"), "plugins.config at the jar root");
            String config = new String(j.getInputStream(j.getEntry("plugins.config")).readAllBytes());
            assertEquals(config, Files.readString(Path.of("plugins.config")), "the repository's plugins.config");
            String index = new String(j.getInputStream(j.getEntry("META-INF/json/org.scijava.plugin.Plugin")).readAllBytes());
            assertTrue(index.contains(OpenNiftiCommand.class.getName()));
            assertNotNull(j.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
    }
}
