package org.neurocurate.synth;

import java.util.List;

/**
 * What cohort to generate; every default is defined here once and used by every face.
 *
 * @param subjects number of subjects (≥ 1)
 * @param seed seed of the whole dataset: the same spec and seed give a byte-identical dataset
 * @param sites number of scanner sites (≥ 1), see {@link SiteCatalog}
 * @param contrasts contrasts scanned for every subject (distinct, at least one)
 * @param artifactRate probability that a scan carries random artifacts, in [0, 1]
 * @param gridMm cohort voxel size in mm (sites may scan coarser or anisotropic multiples of it)
 * @param threads worker threads; each holds one subject at a time
 * @param minAge youngest age, years
 * @param maxAge oldest age, years
 */
public record CohortSpec(int subjects, long seed, int sites, List<Contrast> contrasts, double artifactRate, double gridMm,
        int threads, double minAge, double maxAge) {

    public static final int DEFAULT_SUBJECTS = 20;
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_SITES = 3;
    public static final List<Contrast> DEFAULT_CONTRASTS = List.of(Contrast.T1W);
    public static final double DEFAULT_ARTIFACT_RATE = 0.3;
    public static final double DEFAULT_GRID_MM = 1.0;

    public CohortSpec {
        contrasts = List.copyOf(contrasts);
        if (subjects < 1) {
            throw new IllegalArgumentException("subjects must be >= 1, got " + subjects);
        }
        if (sites < 1) {
            throw new IllegalArgumentException("sites must be >= 1, got " + sites);
        }
        if (contrasts.isEmpty() || contrasts.stream().distinct().count() != contrasts.size()) {
            throw new IllegalArgumentException("contrasts must be distinct and not empty: " + contrasts);
        }
        if (!(artifactRate >= 0 && artifactRate <= 1)) {
            throw new IllegalArgumentException("artifact rate must be in [0, 1], got " + artifactRate);
        }
        if (!(gridMm >= 0.5 && gridMm <= 8)) {
            throw new IllegalArgumentException("grid voxel size must be in [0.5, 8] mm, got " + gridMm);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(minAge >= 0 && maxAge >= minAge && maxAge <= 120)) {
            throw new IllegalArgumentException("ages must satisfy 0 <= min <= max <= 120: " + minAge + ", " + maxAge);
        }
    }

    /** The defaults: 20 subjects, seed 0, 3 sites, T1w, 30 % artifacts, 1 mm, one thread per core, 18–90 years. */
    public static CohortSpec defaults() {
        return new CohortSpec(DEFAULT_SUBJECTS, DEFAULT_SEED, DEFAULT_SITES, DEFAULT_CONTRASTS, DEFAULT_ARTIFACT_RATE,
                DEFAULT_GRID_MM, Runtime.getRuntime().availableProcessors(), AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
    }

    public CohortSpec withSubjects(int n) {
        return new CohortSpec(n, seed, sites, contrasts, artifactRate, gridMm, threads, minAge, maxAge);
    }

    public CohortSpec withSeed(long s) {
        return new CohortSpec(subjects, s, sites, contrasts, artifactRate, gridMm, threads, minAge, maxAge);
    }

    public CohortSpec withSites(int k) {
        return new CohortSpec(subjects, seed, k, contrasts, artifactRate, gridMm, threads, minAge, maxAge);
    }

    public CohortSpec withContrasts(List<Contrast> c) {
        return new CohortSpec(subjects, seed, sites, c, artifactRate, gridMm, threads, minAge, maxAge);
    }

    public CohortSpec withArtifactRate(double r) {
        return new CohortSpec(subjects, seed, sites, contrasts, r, gridMm, threads, minAge, maxAge);
    }

    public CohortSpec withGridMm(double mm) {
        return new CohortSpec(subjects, seed, sites, contrasts, artifactRate, mm, threads, minAge, maxAge);
    }

    public CohortSpec withThreads(int t) {
        return new CohortSpec(subjects, seed, sites, contrasts, artifactRate, gridMm, t, minAge, maxAge);
    }

    /** The participant label of subject {@code index} (0-based): "sub-001", zero-padded to at least 3 digits. */
    public String participantId(int index) {
        int width = Math.max(3, String.valueOf(subjects).length());
        return "sub-" + String.format(java.util.Locale.ROOT, "%0" + width + "d", index + 1);
    }

    /** The random source of subject {@code index}: independent of thread scheduling (SplitMix64 of seed and index). */
    public java.util.Random subjectRandom(int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new java.util.Random(z ^ (z >>> 31));
    }
}
