package org.neurocurate.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Interpolation;
import org.neurocurate.volume.Orientation;
import org.neurocurate.volume.Reorient;
import org.neurocurate.volume.Resample;
import org.neurocurate.volume.Volume;
import org.neurocurate.volume.VolumeStatistics;

/**
 * The main job on an embedded default: makes a small synthetic input, runs every stage that exists on
 * it, and says what it found, one line per finding.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Settings of the demo.
     *
     * @param out  folder for everything the demo writes
     * @param seed seed of every random component
     */
    public record Settings(Path out, long seed) {
    }

    /** Runs the demo; returns the findings, in order. */
    public static List<String> run(Settings settings, ProgressListener progress) throws IOException {
        List<String> findings = new ArrayList<>();
        progress.status("writing a synthetic LPS-oriented head phantom");
        Volume phantom = phantom();
        Path file = settings.out().resolve("phantom_T1w.nii.gz");
        NiftiWriter.write(phantom, file);
        Volume read = NiftiReader.read(file);
        VolumeStatistics s = VolumeStatistics.of(read.image());
        findings.add(String.format("NIfTI: wrote and read %s, %s, orientation %s, mean %.2f", file.getFileName(),
                java.util.Arrays.toString(read.dimensions()), Orientation.of(read.voxelToWorld()).code(), s.mean()));
        Volume ras = Reorient.toClosestCanonical(read);
        Volume grid = Resample.toSpacing(ras, new double[] {2, 2, 2}, Interpolation.LINEAR);
        findings.add(String.format("geometry: reoriented to %s and resampled to 2 mm: %s",
                Orientation.of(ras.voxelToWorld()).code(), java.util.Arrays.toString(grid.dimensions())));
        return findings;
    }

    /** An ellipsoidal head of 48×56×48 voxels at 1.5 mm, stored LPS (as DICOM converters often do). */
    private static Volume phantom() {
        int nx = 48, ny = 56, nz = 48;
        float[] data = new float[nx * ny * nz];
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double x = (i - nx / 2.0) / 20, y = (j - ny / 2.0) / 24, z = (k - nz / 2.0) / 20;
                    double r = x * x + y * y + z * z;
                    data[n++] = r < 0.6 ? 100 : r < 0.8 ? 40 : r < 1 ? 150 : 0;
                }
            }
        }
        Affine lps = Affine.fromRows(new double[][] {{-1.5, 0, 0, 36}, {0, -1.5, 0, 42}, {0, 0, 1.5, -36}});
        return Volume.ofFloats(data, new long[] {nx, ny, nz}, lps);
    }
}
