package org.neurocurate.quality.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.neurocurate.io.AtomicOutput;
import org.neurocurate.io.bids.BidsIndex;
import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.BidsName;
import org.neurocurate.io.bids.ScanRecord;
import org.neurocurate.io.bids.ScansTable;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

/**
 * Quality control over a BIDS dataset, the BIDS-App way. The participant level assesses each selected
 * scan on a bounded pool of workers (each holding one volume) and writes its derivatives as it goes;
 * a scan that cannot be read or assessed gets a row saying why and the others go on. The group level
 * gathers every scan's IQMs JSON into {@code group_<modality>.tsv}.
 */
public final class QcBatch {

    /** Column of the group table saying why a scan has no IQMs. */
    public static final String ERROR_COLUMN = "qc_error";

    private QcBatch() {
    }

    /** MRIQC's bids_name of a scan: its file name without .nii or .nii.gz. */
    public static String bidsName(Path scan) {
        return Derivatives.bidsName(scan);
    }

    /** The scans the participant level would assess, in a stable order. */
    public static List<ScanRecord> selectScans(QcBatchConfig config, ProgressListener progress) throws IOException {
        if (!Files.isDirectory(config.bidsDir())) {
            throw new IOException(config.bidsDir() + ": not a folder (expected a BIDS dataset root)");
        }
        List<ScanRecord> scans = new ArrayList<>();
        for (ScanRecord s : BidsIndex.index(BidsIndexConfig.of(List.of(config.bidsDir())), progress).scans()) {
            boolean modality = config.modalities().contains(s.modality());
            boolean participant = config.participantLabels().isEmpty()
                    || config.participantLabels().contains(s.participantId().replaceFirst("^sub-", ""));
            boolean nifti = s.path().getFileName().toString().matches("(?i).*\\.nii(\\.gz)?$");
            if (modality && participant && nifti) {
                scans.add(s);
            }
        }
        return scans;
    }

    /** Participant level: assesses every selected scan and writes its derivatives; returns one row per scan. */
    public static List<QcRow> participant(QcBatchConfig config, ScanAssessor assessor, ProgressListener progress)
            throws IOException {
        List<ScanRecord> records = selectScans(config, progress);
        Map<Path, String> sites = new java.util.HashMap<>();
        Map<Path, String> modalities = new java.util.HashMap<>();
        records.forEach(r -> {
            sites.put(r.path(), r.value(ScansTable.SITE));
            modalities.put(r.path(), r.modality());
        });
        Derivatives.writeDescription(config.outDir(), version());
        return assessAll(records.stream().map(ScanRecord::path).toList(), sites, modalities::get,
                scan -> Derivatives.folderFor(config.outDir(), config.bidsDir(), scan),
                config.threads(), config.writeMasks(), assessor, progress, new ScanMemory());
    }

    /**
     * Assesses image files that are not (or not known to be) in a BIDS dataset; derivatives go flat into
     * {@code outDir}. Each scan's modality is its file name's BIDS suffix ({@code sub-01_T2w.nii.gz} is
     * T2w), else {@code modality}; the assessor refuses a suffix it cannot assess. Used for single files
     * and plain folders.
     */
    public static List<QcRow> files(List<Path> scans, Path outDir, String modality, int threads, boolean writeMasks,
            ScanAssessor assessor, ProgressListener progress) throws IOException {
        return files(scans, outDir, modality, threads, writeMasks, assessor, progress, new ScanMemory());
    }

    /** As {@link #files(List, Path, String, int, boolean, ScanAssessor, ProgressListener)} within {@code memory}. */
    static List<QcRow> files(List<Path> scans, Path outDir, String modality, int threads, boolean writeMasks,
            ScanAssessor assessor, ProgressListener progress, ScanMemory memory) throws IOException {
        Derivatives.writeDescription(outDir, version());
        return assessAll(scans, Map.of(), scan -> modalityOf(scan, modality), scan -> outDir, threads, writeMasks,
                assessor, progress, memory);
    }

    /**
     * The suffix of the scan's file name when it is a BIDS subject's file ({@code sub-01_T2w.nii.gz}: T2w),
     * else {@code fallback} (e.g. {@code brain.nii.gz}).
     */
    static String modalityOf(Path scan, String fallback) {
        return BidsName.parse(scan.getFileName().toString()).filter(n -> n.entities().containsKey("sub"))
                .map(BidsName::suffix).orElse(fallback);
    }

    /**
     * Assesses whatever {@code input} is: a BIDS dataset (a folder with dataset_description.json) by the
     * participant level for one modality, any other folder (every .nii and .nii.gz below it), or one
     * file; derivatives go into {@code output}.
     */
    public static List<QcRow> anyInput(Path input, Path output, String modality, ScanAssessor assessor,
            ProgressListener progress) throws IOException {
        if (Files.isRegularFile(input.resolve("dataset_description.json"))) {
            return participant(new QcBatchConfig(input, output, List.of(), List.of(modality),
                    QcBatchConfig.DEFAULT_THREADS, true), assessor, progress);
        }
        if (Files.isDirectory(input)) {
            List<Path> scans;
            try (Stream<Path> walk = Files.walk(input)) {
                scans = walk.filter(p -> p.getFileName().toString().matches("(?i).*\\.nii(\\.gz)?$")).sorted().toList();
            }
            return files(scans, output, modality, QcBatchConfig.DEFAULT_THREADS, true, assessor, progress);
        }
        if (Files.isRegularFile(input)) {
            return files(List.of(input), output, modality, 1, true, assessor, progress);
        }
        throw new IOException(input + ": no such file or folder");
    }

    private static List<QcRow> assessAll(List<Path> scans, Map<Path, String> sites,
            java.util.function.Function<Path, String> modalityOf, java.util.function.Function<Path, Path> folderOf, int threads,
            boolean writeMasks, ScanAssessor assessor, ProgressListener progress, ScanMemory memory) throws IOException {
        progress.status("quality control of " + scans.size() + " scans on " + threads + " workers within "
                + memory.budgetMb() + " MB of heap");
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<QcRow>> futures = new ArrayList<>();
            for (Path scan : scans) {
                futures.add(pool.submit(() -> {
                    QcRow row = null;
                    if (!progress.isCancelled()) {
                        int mb = memory.reserveFor(scan, progress);
                        try {
                            row = assessOne(scan, sites.getOrDefault(scan, ""), modalityOf.apply(scan), folderOf.apply(scan),
                                    writeMasks, assessor, progress);
                        } finally {
                            memory.release(mb);
                        }
                    }
                    progress.progress(done.incrementAndGet(), scans.size());
                    return row;
                }));
            }
            List<QcRow> rows = new ArrayList<>();
            for (Future<QcRow> f : futures) {
                QcRow row = f.get();
                if (row != null) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("quality control interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("quality control worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One scan: read, assess, write into {@code folder}; any failure becomes the row's error. */
    static QcRow assessOne(Path scan, String site, String modality, Path folder, boolean writeMasks,
            ScanAssessor assessor, ProgressListener progress) {
        String name = Derivatives.bidsName(scan);
        QcRow row;
        try {
            Volume volume = NiftiReader.read(scan);
            ScanAssessment a = assessor.assess(volume, modality, ProgressListener.NONE);
            if (writeMasks) {
                for (Map.Entry<String, Volume> m : a.masks().entrySet()) {
                    NiftiWriter.write(m.getValue(), folder.resolve(name + "_desc-" + m.getKey() + "_mask.nii.gz"));
                }
            }
            row = new QcRow(name, scan, site, a.iqms(), a.flags(), "");
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException ? e.getMessage() : "internal error: " + e;
            progress.warn(why.contains(scan.toString()) ? why : scan + ": " + why);
            row = new QcRow(name, scan, site, Map.of(), Map.of(), why);
        } catch (OutOfMemoryError e) {
            String why = scan + ": not enough memory (about " + (ScanMemory.estimate(scan) >> 20) + " MB of heap needed, "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB in all; " + ScanMemory.MORE_HEAP + ")";
            progress.warn(why);
            row = new QcRow(name, scan, site, Map.of(), Map.of(), why);
        }
        try {
            Derivatives.writeIqms(folder.resolve(name + Derivatives.IQMS_SUFFIX), row);
        } catch (IOException e) {
            progress.warn(scan + ": cannot write its IQMs: " + e.getMessage());
            return new QcRow(name, scan, site, row.iqms(), row.flags(), "cannot write outputs: " + e.getMessage());
        }
        return row;
    }

    /** Group level: every scan's IQMs JSON of a modality, as rows sorted by bids_name. */
    public static List<QcRow> gather(Path outDir, String modality) throws IOException {
        List<QcRow> rows = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outDir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith("_" + modality + Derivatives.IQMS_SUFFIX))
                    .sorted().toList();
        }
        for (Path f : files) {
            rows.add(Derivatives.readIqms(f));
        }
        return rows;
    }

    /** Group level: writes {@code OUT/group_<modality>.tsv} (bids_name, IQMs alphabetically, flags, error). */
    public static Path writeGroupTable(Path outDir, String modality, List<QcRow> rows) throws IOException {
        List<String> header = groupHeader(rows);
        return writeTsv(outDir.resolve("group_" + modality + ".tsv"), header, groupCells(header, rows));
    }

    /** Writes a header and rows of cells as TSV, atomically. */
    public static Path writeTsv(Path out, List<String> header, List<List<String>> cells) throws IOException {
        StringBuilder tsv = new StringBuilder(String.join("\t", header)).append('\n');
        for (List<String> row : cells) {
            tsv.append(String.join("\t", row)).append('\n');
        }
        AtomicOutput.writeString(out, tsv.toString());
        return out;
    }

    /** Columns of the group table: bids_name, every IQM (sorted, as MRIQC), every flag, qc_error. */
    public static List<String> groupHeader(List<QcRow> rows) {
        TreeSet<String> iqms = new TreeSet<>();
        TreeSet<String> flags = new TreeSet<>();
        for (QcRow r : rows) {
            iqms.addAll(r.iqms().keySet());
            flags.addAll(r.flags().keySet());
        }
        List<String> header = new ArrayList<>();
        header.add("bids_name");
        header.addAll(iqms);
        header.addAll(flags);
        header.add(ERROR_COLUMN);
        return Collections.unmodifiableList(header);
    }

    /** The cells of each row under {@code header}: numbers as Java prints them, "n/a" when undefined. */
    public static List<List<String>> groupCells(List<String> header, List<QcRow> rows) {
        List<List<String>> out = new ArrayList<>();
        for (QcRow r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : header) {
                if (c.equals("bids_name")) {
                    cells.add(r.bidsName());
                } else if (c.equals(ERROR_COLUMN)) {
                    cells.add(r.error().replace('\t', ' ').replace('\n', ' '));
                } else if (r.iqms().containsKey(c)) {
                    double v = r.iqms().get(c);
                    cells.add(Double.isFinite(v) ? Double.toString(v) : "n/a");
                } else if (r.flags().containsKey(c)) {
                    cells.add(Boolean.toString(r.flags().get(c)));
                } else {
                    cells.add("n/a");
                }
            }
            out.add(cells);
        }
        return out;
    }

    private static String version() {
        String v = QcBatch.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
