package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks one dataset root and collects the image files under its {@code sub-*} folders
 * ({@code .nii}, {@code .nii.gz}), plus the places the walk could not enter (symbolic-link loops,
 * unreadable folders). Folders that BIDS keeps out of the raw data ({@code derivatives},
 * {@code sourcedata}, {@code code}, {@code stimuli}, {@code phenotype}) and hidden folders are skipped.
 * Only names and attributes are read, never file contents.
 */
final class DatasetWalk {

    private static final Set<String> SKIPPED = Set.of("derivatives", "sourcedata", "code", "stimuli", "phenotype");

    /**
     * A place the walk could not go.
     *
     * @param path    the file or folder
     * @param problem why, e.g. "symbolic link loop"
     */
    record Failure(Path path, String problem) { }

    /**
     * What the walk found.
     *
     * @param images         image files, sorted
     * @param failures       folders or files that could not be visited
     * @param subjectFolders number of {@code sub-*} folders directly under the root
     */
    record Found(List<Path> images, List<Failure> failures, int subjectFolders) { }

    private DatasetWalk() { }

    static boolean isImage(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".nii") || n.endsWith(".nii.gz");
    }

    static Found walk(Path root, boolean followSymlinks) throws IOException {
        List<Path> images = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        int[] subjects = {0};
        Set<FileVisitOption> options = followSymlinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                boolean top = dir.getParent().equals(root);
                if (name.startsWith(".") || top && (SKIPPED.contains(name) || !name.startsWith("sub-"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                subjects[0] += top ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!file.getParent().equals(root) && isImage(file.getFileName().toString())) {
                    images.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    failures.add(new Failure(file, file.getFileName() + ": symbolic link loop, not followed"));
                } else if (!file.getParent().equals(root) || file.getFileName().toString().startsWith("sub-")) {
                    failures.add(new Failure(file, file.getFileName() + ": cannot be visited (" + e + ")"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        images.sort(null);
        failures.sort((a, b) -> a.path.compareTo(b.path));
        return new Found(images, failures, subjects[0]);
    }
}
