package org.neurocurate.fiji.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checksums Fiji's updater compares (FIJI.md): lower-case hex SHA-1. A jar hashes its entries in
 * name order, each as name bytes then content, with '#' lines of .properties entries left out and
 * META-INF/MANIFEST.MF contributing its name only, so rebuilding a jar with new timestamps does not
 * make it look changed. Any other file hashes its site path bytes followed by its bytes.
 */
public final class SiteChecksum {

    private SiteChecksum() {
    }

    /** The checksum of {@code file} published as {@code filename}. */
    public static String of(String filename, Path file) throws IOException {
        MessageDigest sha1 = sha1();
        if (filename.endsWith(".jar")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<String> names = new ArrayList<>();
                zip.stream().forEach(e -> names.add(e.getName()));
                Collections.sort(names);
                for (String name : names) {
                    sha1.update(name.getBytes(StandardCharsets.UTF_8));
                    if (name.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    ZipEntry entry = zip.getEntry(name);
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] content = in.readAllBytes();
                        sha1.update(name.endsWith(".properties") ? withoutHashLines(content) : content);
                    }
                }
            }
        } else {
            sha1.update(filename.getBytes(StandardCharsets.UTF_8));
            sha1.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** The bytes without the lines that start with '#' (each line kept with its line end). */
    static byte[] withoutHashLines(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, content.length);
            if (content[start] != '#') {
                out.write(content, start, next - start);
            }
            start = next;
        }
        return out.toByteArray();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
