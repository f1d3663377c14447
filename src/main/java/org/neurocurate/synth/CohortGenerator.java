package org.neurocurate.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;

/**
 * Generates a synthetic BIDS cohort: each worker thread makes one subject at a time (anatomy, every
 * contrast, its artifacts) and writes its files, so memory is bounded by the number of workers; the
 * tables are written at the end in subject order. Every subject draws from its own random source
 * ({@link CohortSpec#subjectRandom}), so the dataset does not depend on scheduling: the same spec gives
 * byte-identical files.
 */
public final class CohortGenerator {

    private CohortGenerator() {
    }

    /**
     * Writes the cohort into {@code outDir}, which must be absent or empty.
     *
     * @throws IOException when the folder cannot be used or the tables cannot be written; a subject
     *     whose files cannot be written is reported in {@link CohortResult#failures()} instead
     */
    public static CohortResult generate(CohortSpec spec, Path outDir, ProgressListener listener) throws IOException {
        prepare(outDir);
        List<Site> sites = SiteCatalog.sites(spec.sites(), spec.seed());
        BidsCohortFiles.writeDatasetFiles(outDir, spec);
        BidsCohortFiles.writeSites(outDir, sites, spec.gridMm());
        listener.status("generating " + spec.subjects() + " synthetic subjects in " + outDir);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(spec.threads(), spec.subjects()));
        List<Future<List<GroundTruthRow>>> futures = new ArrayList<>();
        try {
            for (int s = 0; s < spec.subjects(); s++) {
                int index = s;
                futures.add(pool.submit(() -> {
                    if (listener.isCancelled()) {
                        return null;
                    }
                    List<GroundTruthRow> rows = writeSubjectOrClean(spec, sites, index, outDir);
                    listener.progress(done.incrementAndGet(), spec.subjects());
                    return rows;
                }));
            }
            return collect(spec, outDir, sites, futures, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    private static CohortResult collect(CohortSpec spec, Path outDir, List<Site> sites,
            List<Future<List<GroundTruthRow>>> futures, ProgressListener listener) throws IOException {
        List<SubjectParams> subjects = new ArrayList<>();
        List<GroundTruthRow> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean cancelled = false;
        for (int s = 0; s < futures.size(); s++) {
            try {
                List<GroundTruthRow> r = futures.get(s).get();
                if (r == null) {
                    cancelled = true;
                    continue;
                }
                subjects.add(subjectParams(spec, s));
                rows.addAll(r);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String msg = spec.participantId(s) + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString());
                failures.add(msg);
                listener.warn(msg);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while generating the cohort in " + outDir, e);
            }
        }
        BidsCohortFiles.writeParticipants(outDir, subjects, sites);
        BidsCohortFiles.writeGroundTruth(outDir, rows);
        return new CohortResult(outDir, subjects, rows, failures, cancelled);
    }

    /** The parameters of subject {@code index}: the first draws from its random source. */
    public static SubjectParams subjectParams(CohortSpec spec, int index) {
        return SubjectParams.sample(spec.participantId(index), spec.subjectRandom(index), spec.sites(), spec.minAge(),
                spec.maxAge());
    }

    /** {@link #writeSubject}, removing the subject's partial files if it fails. */
    private static List<GroundTruthRow> writeSubjectOrClean(CohortSpec spec, List<Site> sites, int index, Path root)
            throws IOException {
        try {
            return writeSubject(spec, sites, index, root);
        } catch (IOException | RuntimeException e) {
            String id = spec.participantId(index);
            deleteTree(root.resolve(id));
            deleteTree(root.resolve("sourcedata").resolve(id));
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Generates, simulates and writes one subject; returns its ground-truth rows. */
    private static List<GroundTruthRow> writeSubject(CohortSpec spec, List<Site> sites, int index, Path root)
            throws IOException {
        Random r = spec.subjectRandom(index);
        SubjectParams p = SubjectParams.sample(spec.participantId(index), r, spec.sites(), spec.minAge(), spec.maxAge());
        Site site = sites.get(p.siteIndex());
        SyntheticSubject subject = SubjectGenerator.generate(p, site, spec.gridMm(), spec.contrasts());
        String id = p.participantId();
        Path anat = root.resolve(id).resolve("anat");
        Path truth = root.resolve("sourcedata").resolve(id).resolve("anat");
        NiftiWriter.write(subject.labels(), truth.resolve(id + "_dseg.nii.gz"));
        List<Double> ml = Arrays.stream(Tissue.values()).map(subject::volumeMl).toList();
        List<GroundTruthRow> rows = new ArrayList<>();
        for (Contrast c : spec.contrasts()) {
            List<PlannedArtifact> plan = PlannedArtifact.sample(r, spec.artifactRate());
            SimulatedScan scan = ScanSimulator.simulate(subject, c, plan, r);
            String name = id + "_" + c.suffix();
            NiftiWriter.write(scan.image(), anat.resolve(name + ".nii.gz"));
            BidsCohortFiles.writeSidecar(anat.resolve(name + ".json"), scan.protocol(), site, subject.grid().spacing());
            BidsCohortFiles.writeScanTruth(truth.resolve(name + "_groundtruth.json"), scan);
            rows.add(new GroundTruthRow(id, id + "/anat/" + name + ".nii.gz", c.suffix(), site.id(), p.age(), p.sex(),
                    plan, scan.defaced(), scan.skullStripped(), ml, subject.intracranialMl()));
        }
        return rows;
    }

    private static void prepare(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new IOException(outDir + ": output exists and is not a folder");
            }
            try (Stream<Path> s = Files.list(outDir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(outDir + ": output folder is not empty; give a new or empty folder");
                }
            }
        }
        Files.createDirectories(outDir);
    }
}
