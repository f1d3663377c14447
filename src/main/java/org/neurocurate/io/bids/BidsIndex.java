package org.neurocurate.io.bids;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.neurocurate.progress.ProgressListener;

/**
 * Indexes BIDS datasets into scan records with harmonised metadata: the core entry point of the
 * index stage.
 *
 * <p>Per dataset: dataset_description.json and participants.tsv/.json are read once, the tree is
 * walked once ({@link DatasetWalk}), and each image file gets its entities from its name, its inherited
 * sidecar metadata ({@link Sidecars}, each JSON parsed once), its volume count from its NIfTI header
 * (only when non-empty, first 540 bytes only), and its participant facts ({@link Participants}). Any
 * failure on one file (bad name, invalid JSON, unreadable file, ragged participants row) becomes a
 * problem on that file's record; the index goes on. Input files are only read.
 */
public final class BidsIndex {

    private static final Set<String> DATATYPES = Set.of("anat", "func", "dwi", "fmap", "perf", "pet", "meg",
            "eeg", "ieeg", "beh", "micr", "nirs", "motion");

    private BidsIndex() { }

    /** Indexes every dataset of {@code config}; reports progress per file and stops early when cancelled. */
    public static BidsIndexResult index(BidsIndexConfig config, ProgressListener listener) {
        List<ScanRecord> scans = new ArrayList<>();
        List<DatasetSummary> summaries = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean(false);
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try {
            for (Path root : config.datasets()) {
                if (listener.isCancelled()) {
                    cancelled.set(true);
                    break;
                }
                Dataset ds = new Dataset(root.toAbsolutePath().normalize(), config, listener);
                List<ScanRecord> records = ds.index(pool, cancelled);
                scans.addAll(records);
                summaries.add(ds.summary(records.size()));
            }
        } finally {
            pool.shutdown();
        }
        return new BidsIndexResult(scans, summaries, cancelled.get());
    }

    /** One dataset being indexed: its shared tables and caches. */
    private static final class Dataset {
        private final Path root;
        private final String key;
        private final BidsIndexConfig config;
        private final ProgressListener listener;
        private final List<String> problems = new ArrayList<>();
        private final Sidecars sidecars;
        private String name = "";
        private Participants participants;
        private int subjectFolders;

        Dataset(Path root, BidsIndexConfig config, ProgressListener listener) {
            this.root = root;
            this.key = root.getFileName() == null ? root.toString() : root.getFileName().toString();
            this.config = config;
            this.listener = listener;
            this.sidecars = new Sidecars(root);
        }

        List<ScanRecord> index(ForkJoinPool pool, AtomicBoolean cancelled) {
            listener.status("Indexing " + key);
            if (!Files.isDirectory(root)) {
                problems.add(root + ": not a folder");
                listener.warn(key + ": " + root + " is not a folder, skipped");
                return List.of();
            }
            readDescription();
            participants = Participants.load(root);
            problems.addAll(participants.tableProblems());
            DatasetWalk.Found found;
            try {
                found = DatasetWalk.walk(root, config.followSymlinks());
            } catch (IOException e) {
                problems.add(root + ": walk failed (" + e + ")");
                return List.of();
            }
            subjectFolders = found.subjectFolders();
            List<ScanRecord> out = SessionSites.fill(records(found.images(), pool, cancelled));
            for (DatasetWalk.Failure f : found.failures()) {
                listener.warn(key + ": " + f.problem());
                out.add(new ScanRecord(key, name, "", "", null, "", f.path(), -1, -1, Map.of(), List.of(), List.of(f.problem())));
            }
            out.sort((a, b) -> a.path().compareTo(b.path()));
            return out;
        }

        private List<ScanRecord> records(List<Path> images, ForkJoinPool pool, AtomicBoolean cancelled) {
            AtomicLong done = new AtomicLong();
            int n = images.size();
            try {
                return pool.submit(() -> IntStream.range(0, n).parallel().mapToObj(i -> {
                    if (cancelled.get() || listener.isCancelled()) {
                        cancelled.set(true);
                        return null;
                    }
                    ScanRecord r = guarded(images.get(i));
                    long d = done.incrementAndGet();
                    if (d % 256 == 0 || d == n) {
                        listener.progress(d, n);
                    }
                    return r;
                }).filter(Objects::nonNull).toList()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
                return List.of();
            } catch (ExecutionException e) {
                throw new IllegalStateException("indexing " + key + " failed: " + e.getCause(), e.getCause());
            }
        }

        private void readDescription() {
            Path d = root.resolve("dataset_description.json");
            if (!Files.exists(d)) {
                problems.add("dataset_description.json: missing");
                return;
            }
            try {
                JsonObject o = Sidecars.parseObject(d);
                name = o.has("Name") && o.get("Name").isJsonPrimitive() ? o.get("Name").getAsString().strip() : "";
            } catch (SidecarException e) {
                problems.add(e.getMessage());
            }
        }

        /**
         * {@link #record} with a last line of defence: an unexpected runtime failure on one file (a bug, or
         * a file system error surfacing unchecked) becomes that file's problem so the batch goes on.
         */
        private ScanRecord guarded(Path image) {
            try {
                return record(image);
            } catch (RuntimeException e) {
                List<String> p = new ArrayList<>(problems);
                p.add(image.getFileName() + ": indexing failed (" + e + ")");
                return new ScanRecord(key, name, "", "", null, "", image, -1, -1, Map.of(), List.of(), p);
            }
        }

        /** The record of one image file; never throws for problems with the file. */
        private ScanRecord record(Path image) {
            List<String> rowProblems = new ArrayList<>(problems);
            String fileName = image.getFileName().toString();
            Optional<BidsName> parsed = BidsName.parse(fileName);
            BidsName bn = parsed.filter(n -> !n.entity("sub").isEmpty()).orElse(null);
            if (bn == null) {
                rowProblems.add(fileName + ": name outside BIDS (sub-<label>[_<key>-<label>...]_<suffix>.nii[.gz])");
            }
            String datatype = datatype(image, bn, rowProblems);
            long bytes = -1;
            long volumes = -1;
            try {
                bytes = Files.size(image);
                if (bytes == 0) {
                    rowProblems.add(fileName + ": empty file (0 bytes), volume count unknown");
                } else if (config.readNiftiHeaders()) {
                    volumes = NiftiDims.volumes(NiftiDims.read(image));
                }
            } catch (IOException e) {
                rowProblems.add(fileName + ": unreadable (" + e.getMessage() + ")");
            }
            Path rel = root.relativize(image);
            String subject = bn != null ? "sub-" + bn.entity("sub") : folderLabel(rel, 0, "sub-");
            String session = bn != null ? bn.entity("ses") : folderLabel(rel, 1, "ses-").replaceFirst("^ses-", "");
            Map<String, Harmonised> values = new LinkedHashMap<>();
            List<String> used = List.of();
            if (!subject.isEmpty()) {
                ParticipantFacts facts = participants.facts(subject, session);
                rowProblems.addAll(facts.problems());
                values.put(ScansTable.AGE, facts.age());
                values.put(ScansTable.SEX, facts.sex());
                values.put(ScansTable.HANDEDNESS, facts.handedness());
                values.put(ScansTable.GROUP, facts.group());
                values.put(ScansTable.HEALTH, facts.health());
                Map<String, Harmonised> scanner = Map.of();
                if (bn != null) {
                    Sidecars.Merged merged = sidecars.forFile(image, bn);
                    rowProblems.addAll(merged.problems());
                    used = merged.files();
                    scanner = ScannerHarmoniser.harmonise(merged, rowProblems);
                }
                values.putAll(scanner);
                values.put(ScansTable.SITE, SiteKey.of(key, facts.site(), scanner));
            }
            return new ScanRecord(key, name, subject, session, bn, datatype, image, volumes, bytes, values, used,
                    rowProblems);
        }

        /** The folder at {@code depth} of a relative path when it starts with {@code prefix} and is not the file. */
        private static String folderLabel(Path rel, int depth, String prefix) {
            if (rel.getNameCount() <= depth + 1) {
                return "";
            }
            String f = rel.getName(depth).toString();
            return f.startsWith(prefix) ? f : "";
        }

        private String datatype(Path image, BidsName bn, List<String> rowProblems) {
            Path rel = root.relativize(image);
            String folder = rel.getNameCount() >= 2 ? rel.getName(rel.getNameCount() - 2).toString() : "";
            if (!DATATYPES.contains(folder)) {
                rowProblems.add(rel + ": not inside a BIDS datatype folder (anat, func, dwi, ...)");
                folder = "";
            }
            if (bn != null) {
                String subFolder = rel.getName(0).toString();
                if (!subFolder.equals("sub-" + bn.entity("sub"))) {
                    rowProblems.add(rel + ": file name says sub-" + bn.entity("sub") + " but folder is " + subFolder);
                }
                String ses = bn.entity("ses");
                if (!ses.isEmpty() && (rel.getNameCount() < 4 || !rel.getName(1).toString().equals("ses-" + ses))) {
                    rowProblems.add(rel + ": file name says ses-" + ses + " but it is not in folder ses-" + ses);
                }
            }
            return folder;
        }

        DatasetSummary summary(int images) {
            int listed = participants == null ? 0 : participants.listedParticipants();
            return new DatasetSummary(key, name, root, listed, subjectFolders, images, problems);
        }
    }
}
