package org.neurocurate.learn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.volume.Volume;

/**
 * Preprocessed training grids on disk, reused across runs: entry {@code DIR/<key>.ncgrid} where the
 * key is SHA-256 of the source's absolute path, size, modification time and the settings hash. A
 * changed source or changed settings give a new key, never a stale grid. Sources are only read.
 */
public final class PreprocessCache {

    private final Path dir;
    private final PreprocessSettings settings;

    public PreprocessCache(Path dir, PreprocessSettings settings) {
        this.dir = dir;
        this.settings = settings;
    }

    public PreprocessSettings settings() {
        return settings;
    }

    /** The cache file that holds (or will hold) {@code source}'s grid. */
    public Path entryFor(Path source) throws IOException {
        Path abs = source.toAbsolutePath().normalize();
        String key = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis() + "|"
                + settings.hash();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(d, 0, 16) + ".ncgrid");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The cached grid file of {@code source}, preparing it first if absent.
     *
     * @throws IOException naming the source when it cannot be read or prepared
     */
    public Path prepare(Path source) throws IOException {
        Path entry = entryFor(source);
        if (Files.isRegularFile(entry)) {
            return entry;
        }
        Volume v = NiftiReader.read(source);
        FloatGrid g;
        try {
            g = ScanPreparer.prepare(v, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": cannot prepare for training: " + e.getMessage(), e);
        }
        GridFile.write(entry, g);
        return entry;
    }

    /** True when {@code source} already has a cache entry for these settings. */
    public boolean contains(Path source) throws IOException {
        return Files.isRegularFile(entryFor(source));
    }
}
