import java.nio.file.Path;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.iqm.IqmCalculator;
import org.neurocurate.quality.iqm.IqmCaseReader;
import org.neurocurate.quality.iqm.IqmInputs;

/**
 * Benchmark driver (not project code): level (a) IQMs of each case folder given on the command line,
 * file reading excluded; prints "case seconds" with the best of --repeat runs (first run warms the JIT).
 */
public final class IqmBench {
    public static void main(String[] args) throws Exception {
        int repeat = Integer.parseInt(args[0]);
        IqmCalculator calc = IqmCalculator.withAllFeatures();
        for (int a = 1; a < args.length; a++) {
            IqmInputs in = IqmCaseReader.read(Path.of(args[a]));
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repeat + 1; r++) {
                long t0 = System.nanoTime();
                calc.compute(in, ProgressListener.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                if (r > 0) {
                    best = Math.min(best, s);
                }
            }
            System.out.printf("%s %.4f%n", Path.of(args[a]).getFileName(), best);
        }
    }
}
