package org.neurocurate.fiji.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdateSiteTest {

    @TempDir
    Path dir;

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    @Test
    void jarChecksumIgnoresManifestAndPropertiesCommentsButNotContent() throws IOException {
        String a = SiteChecksum.of("jars/x.jar", jar("a.jar", Map.of("META-INF/MANIFEST.MF", "Built: monday\n",
                "x/A.class", "code", "x/b.properties", "#built monday\nkey=1\n")));
        String b = SiteChecksum.of("jars/x.jar", jar("b.jar", Map.of("META-INF/MANIFEST.MF", "Built: tuesday\n",
                "x/A.class", "code", "x/b.properties", "#built tuesday\nkey=1\n")));
        String c = SiteChecksum.of("jars/x.jar", jar("c.jar", Map.of("META-INF/MANIFEST.MF", "Built: monday\n",
                "x/A.class", "code", "x/b.properties", "#built monday\nkey=2\n")));
        assertEquals(a, b, "a rebuild with new timestamps is the same file to the updater");
        assertNotEquals(a, c, "a changed property is a new version");
        assertTrue(a.matches("[0-9a-f]{40}"), "lower-case hex SHA-1: " + a);
    }

    @Test
    void nonJarChecksumIsSha1OfPathThenContent() throws Exception {
        Path macro = dir.resolve("m.ijm");
        Files.writeString(macro, "print(1);\n");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("macros/m.ijm".getBytes(StandardCharsets.UTF_8));
        sha1.update(Files.readAllBytes(macro));
        assertEquals(HexFormat.of().formatHex(sha1.digest()), SiteChecksum.of("macros/m.ijm", macro));
    }

    @Test
    void siteHasDbXmlAndTimestampedFilesWithPlatformsAndDependencies() throws Exception {
        List<Path> classpath = new ArrayList<>();
        for (String name : new String[] {"api-0.35.1.jar", "pytorch-engine-0.35.1.jar", "pytorch-jni-2.7.1-0.35.1.jar",
            "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "picocli-4.7.7.jar", "ij-1.54p.jar"}) {
            classpath.add(jar(name, Map.of("a/A.class", name)));
        }
        Path plugin = jar("NeuroCurate_-0.1.0.jar", Map.of("plugins.config", "x"));
        Path site = dir.resolve("site");
        List<SiteFile> files = NeuroCurateSite.files(plugin, classpath, Path.of("macros"));
        UpdateSite.write(files, site, "20261123093000");

        Document db;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            db = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertEquals("pluginRecords", db.getDocumentElement().getTagName());
        NodeList plugins = db.getElementsByTagName("plugin");
        assertEquals(files.size(), plugins.getLength());
        assertTrue(files.size() >= 8, "plugin, five libraries, and the macros");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            String filename = p.getAttribute("filename");
            Element version = (Element) p.getElementsByTagName("version").item(0);
            Path stored = site.resolve(filename + "-" + version.getAttribute("timestamp"));
            assertTrue(Files.isRegularFile(stored), "stored as <path>-<timestamp>: " + stored);
            assertEquals(Long.toString(Files.size(stored)), version.getAttribute("filesize"));
            assertEquals(SiteChecksum.of(filename, stored), version.getAttribute("checksum"));
            boolean native_ = filename.startsWith("jars/linux64/");
            assertEquals(native_ ? 1 : 0, p.getElementsByTagName("platform").getLength(), filename);
        }
        Element first = (Element) plugins.item(0);
        assertEquals("plugins/NeuroCurate_.jar", first.getAttribute("filename"));
        assertEquals(5, first.getElementsByTagName("dependency").getLength(), "the plugin depends on the five libraries");
        assertTrue(Files.notExists(site.resolve("jars/ij.jar-20261123093000")), "Fiji's own libraries are not shipped");
    }

    @Test
    void missingLibraryIsReported() throws IOException {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> NeuroCurateSite.files(dir.resolve("p.jar"), List.of(), Path.of("macros")));
        assertTrue(e.getMessage().contains("api-"), e.getMessage());
    }
}
