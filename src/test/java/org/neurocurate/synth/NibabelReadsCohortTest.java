package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

/**
 * nibabel, the field's reference NIfTI reader, reads the generated files as NeuroCurate does: same
 * shape, affine, datatype and values. Runs when Debian's python3-nibabel is installed (bench/synth
 * installs it); skipped otherwise.
 */
class NibabelReadsCohortTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @Test
    void nibabelSeesTheSameImagesAsNeuroCurate() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import nibabel")).exitCode() == 0,
                "Debian python3-nibabel is not installed (apt-get install -y python3-nibabel); skipping the nibabel check");
        CohortSpec spec = CohortSpec.defaults().withSubjects(2).withSeed(9).withSites(4).withGridMm(4)
                .withContrasts(List.of(Contrast.T1W)).withThreads(1);
        Path root = tmp.resolve("ds");
        CohortResult result = CohortGenerator.generate(spec, root, ProgressListener.NONE);
        List<Path> files = new ArrayList<>();
        for (GroundTruthRow r : result.rows()) {
            files.add(root.resolve(r.scan()));
            files.add(root.resolve("sourcedata/" + r.participantId() + "/anat/" + r.participantId() + "_dseg.nii.gz"));
        }
        String script = "import sys, nibabel as nib, numpy as np\n"
                + "for f in sys.argv[1:]:\n"
                + "    i = nib.load(f); d = np.asarray(i.dataobj)\n"
                + "    a = ' '.join('%.4f' % x for x in i.affine[:3].ravel())\n"
                + "    print(d.dtype, ' '.join(map(str, d.shape)), a, '%.6f' % d.astype(np.float64).sum())\n";
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        files.forEach(f -> cmd.add(f.toString()));
        Result py = run(cmd);
        assertEquals(0, py.exitCode(), py.output());
        List<String> lines = py.output().strip().lines().toList();
        assertEquals(files.size(), lines.size(), py.output());
        for (int f = 0; f < files.size(); f++) {
            Volume v = NiftiReader.read(files.get(f));
            assertEquals(expected(v, files.get(f).toString().endsWith("_dseg.nii.gz") ? "uint8" : "int16"), lines.get(f),
                    files.get(f).toString());
        }
    }

    /** The line the script prints for a volume as NeuroCurate reads it. */
    private static String expected(Volume v, String dtype) {
        long[] d = v.dimensions();
        StringBuilder a = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                a.append(a.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.4f", v.voxelToWorld().get(r, c)));
            }
        }
        double sum = 0;
        for (double x : v.toDoubleArray()) {
            sum += x;
        }
        return dtype + " " + d[0] + " " + d[1] + " " + d[2] + " " + a + " " + String.format(java.util.Locale.ROOT, "%.6f", sum);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
