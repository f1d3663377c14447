import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;
import org.neurocurate.learn.data.InMemoryDataset;
import org.neurocurate.learn.model.EncoderConfig;
import org.neurocurate.learn.train.LossLog;
import org.neurocurate.learn.train.OptimizerKind;
import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.PretrainResult;
import org.neurocurate.learn.train.Pretrainer;
import org.neurocurate.progress.ProgressListener;

/**
 * JVM side of bench/train-step: trains the default ResNet with NT-Xent (batch of N scans = 2N
 * views per step) through NeuroCurate's Pretrainer and prints one line per measurement:
 * {@code DJL mode=<fixed|augment> nx=.. ny=.. nz=.. batch=.. samples_per_s=.. data_wait_share=.. peak_rss_mb=..}
 * Arguments: nx ny nz batch steps warmup threads mode(fixed|augment) workdir
 */
public class TrainStepBench {

    public static void main(String[] a) throws Exception {
        int nx = Integer.parseInt(a[0]);
        int ny = Integer.parseInt(a[1]);
        int nz = Integer.parseInt(a[2]);
        int batch = Integer.parseInt(a[3]);
        int steps = Integer.parseInt(a[4]);
        int warmup = Integer.parseInt(a[5]);
        int threads = Integer.parseInt(a[6]);
        boolean augment = a[7].equals("augment");
        Path dir = Files.createTempDirectory(Path.of(a[8]), "djl-");
        // one batch of scans in memory, as the PyTorch side holds one batch tensor; real training
        // streams scans from the preprocessing cache instead
        InMemoryDataset data = cohort(batch, nx, ny, nz);
        PretrainConfig config = PretrainConfig.defaults()
                .withModel(EncoderConfig.resnet(), batch, augment)
                .withObjective("simclr", 0.1, 0, false)
                .withOptimizer(OptimizerKind.ADAMW, 1e-3, 1e-4, 0, 1)
                .withSteps(steps, 0)
                .withThreads(threads, 1, 1, 1);
        // process CPU time at the end of every step: under a loaded machine, samples per CPU-second
        // measures the work a step costs independently of how much of the CPU the process got
        long[] cpuAt = new long[steps + 1];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ProgressListener cpu = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                cpuAt[(int) done] = os.getProcessCpuTime();
            }
        };
        PretrainResult r = Pretrainer.run(config, data, dir, cpu);
        double cpuSeconds = (cpuAt[steps] - cpuAt[warmup]) * 1e-9;
        List<String> rows = Files.readAllLines(dir.resolve(LossLog.FILE));
        double stepMs = 0;
        double waitMs = 0;
        double bestMs = Double.POSITIVE_INFINITY;
        int counted = 0;
        for (String row : rows.subList(1 + warmup, rows.size())) {
            String[] f = row.split("\t");
            waitMs += Double.parseDouble(f[3]);
            double ms = Double.parseDouble(f[4]);
            stepMs += ms;
            bestMs = Math.min(bestMs, ms);
            counted++;
        }
        double samplesPerS = counted * batch / (stepMs / 1000);
        double bestSamplesPerS = batch / (bestMs / 1000);
        System.out.printf(java.util.Locale.ROOT,
                "DJL mode=%s nx=%d ny=%d nz=%d batch=%d steps=%d samples_per_s=%.4f best_step_samples_per_s=%.4f "
                        + "samples_per_cpu_s=%.4f "
                        + "data_wait_share=%.4f "
                        + "final_loss=%.4f peak_rss_mb=%.1f%n",
                augment ? "augment" : "fixed", nx, ny, nz, batch, counted, samplesPerS, bestSamplesPerS, (steps - warmup) * batch / cpuSeconds, waitMs / stepMs,
                r.losses()[r.losses().length - 1], peakRssMb());
    }

    static double peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Smooth random blobs in a head-sized ellipsoid: realistic enough for timing, any grid. */
    static InMemoryDataset cohort(int n, int nx, int ny, int nz) {
        Random r = new Random(3);
        List<FloatGrid> grids = new ArrayList<>();
        double[] ages = new double[n];
        double[] weights = new double[n];
        for (int s = 0; s < n; s++) {
            FloatGrid g = FloatGrid.zeros(nx, ny, nz);
            double fx = 1 + r.nextDouble();
            double fy = 1 + r.nextDouble();
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        double dx = (x - nx / 2.0) / (0.42 * nx);
                        double dy = (y - ny / 2.0) / (0.42 * ny);
                        double dz = (z - nz / 2.0) / (0.42 * nz);
                        if (dx * dx + dy * dy + dz * dz < 1) {
                            g.data()[g.index(x, y, z)] = (float) (0.6 + 0.3 * Math.sin(fx * x / 4.0)
                                    * Math.cos(fy * y / 5.0) + 0.05 * r.nextGaussian());
                        }
                    }
                }
            }
            grids.add(g);
            ages[s] = 20 + 60 * r.nextDouble();
            weights[s] = 1;
        }
        return new InMemoryDataset(grids, ages, weights);
    }
}
