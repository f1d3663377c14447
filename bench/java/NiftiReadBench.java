import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * bench/nifti-read, JVM side. "generate FILE" writes a 256×256×176 int16 head phantom (smooth
 * ellipsoids plus Gaussian noise, compressing like a real T1w); "read FILE N" reads it N times after
 * warm-up and prints the median voxel-data throughput in MB/s (10^6 bytes).
 */
public final class NiftiReadBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file);
            return;
        }
        int runs = Integer.parseInt(args[2]);
        for (int w = 0; w < 3; w++) {
            NiftiReader.read(file);
        }
        double[] seconds = new double[runs];
        long bytes = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Volume v = NiftiReader.read(file);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            bytes = 2L * v.dimensions()[0] * v.dimensions()[1] * v.dimensions()[2]; // int16 voxel data
        }
        Arrays.sort(seconds);
        System.out.printf("%.3f%n", bytes / 1e6 / seconds[runs / 2]);
    }

    private static void generate(Path file) throws Exception {
        int nx = 256, ny = 256, nz = 176;
        short[] data = new short[nx * ny * nz];
        Random r = new Random(42);
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double x = (i - nx / 2.0) / 90, y = (j - ny / 2.0) / 110, z = (k - nz / 2.0) / 75;
                    double rr = x * x + y * y + z * z;
                    double v = rr < 0.55 ? 900 + 200 * Math.sin(9 * x) * Math.cos(7 * y) : rr < 0.8 ? 400 : rr < 1 ? 1200 : 0;
                    data[n++] = (short) Math.max(0, v + r.nextGaussian() * (v > 0 ? 25 : 4));
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        NiftiWriter.write(Volume.of(ArrayImgs.shorts(data, nx, ny, nz), Affine.identity()), file);
    }
}
