package org.neurocurate.fiji.updatesite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.neurocurate.io.AtomicOutput;

/**
 * Writes a Fiji update site as static files (FIJI.md): each file stored as
 * {@code <filename>-<yyyyMMddHHmmss>} and the index {@code db.xml.gz} (root {@code pluginRecords}, one
 * {@code plugin} per file with its platform, then its version: checksum, timestamp, size, description,
 * dependencies, author). Upload the folder to any web server and add its URL in Fiji's updater.
 */
public final class UpdateSite {

    private UpdateSite() {
    }

    /** Writes the site into {@code outDir}; {@code timestamp} is yyyyMMddHHmmss (UTC). */
    public static void write(List<SiteFile> files, Path outDir, String timestamp) throws IOException {
        if (!timestamp.matches("\\d{14}")) {
            throw new IllegalArgumentException("timestamp must be yyyyMMddHHmmss, got " + timestamp);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
        for (SiteFile f : files) {
            Path stored = outDir.resolve(f.filename() + "-" + timestamp);
            Files.createDirectories(stored.getParent());
            Files.copy(f.source(), stored, StandardCopyOption.REPLACE_EXISTING);
            xml.append("  <plugin filename=\"").append(escape(f.filename())).append("\">\n");
            if (f.platform() != null) {
                xml.append("    <platform>").append(escape(f.platform())).append("</platform>\n");
            }
            xml.append("    <category>NeuroCurate</category>\n");
            xml.append("    <version checksum=\"").append(SiteChecksum.of(f.filename(), f.source()))
                    .append("\" timestamp=\"").append(timestamp)
                    .append("\" filesize=\"").append(Files.size(f.source())).append("\">\n");
            xml.append("      <description>").append(escape(f.description())).append("</description>\n");
            for (String d : f.dependencies()) {
                xml.append("      <dependency filename=\"").append(escape(d)).append("\" timestamp=\"")
                        .append(timestamp).append("\"/>\n");
            }
            xml.append("      <author>NeuroCurate</author>\n    </version>\n  </plugin>\n");
        }
        xml.append("</pluginRecords>\n");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(outDir.resolve("db.xml.gz"), out -> {
            try (OutputStream gz = new GZIPOutputStream(new NonClosing(out))) {
                gz.write(bytes);
            }
        });
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Lets the gzip stream finish without closing the atomic writer's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
