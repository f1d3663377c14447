package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;

import org.neurocurate.io.nifti.NiftiSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurocurate info FILE [--json] [--voxel i,j,k ...]}: header, affine, statistics, voxel values. */
@Command(name = "info", description = "Describe a NIfTI file: header, affine, value statistics, voxel values.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .nii, .nii.gz or .hdr/.img file")
    Path file;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--voxel", paramLabel = "i,j,k", split = " ",
            description = "report the value at this voxel (file index order, first volume); repeatable")
    List<String> voxels = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> summary = NiftiSummary.of(file, parseVoxels());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(summary));
        } else {
            summary.forEach((k, v) -> out.println(k + ": " + text(v)));
        }
        out.flush();
        return 0;
    }

    private List<long[]> parseVoxels() {
        List<long[]> out = new ArrayList<>();
        for (String v : voxels) {
            String[] parts = v.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--voxel takes i,j,k (three integers), got '" + v + "'");
            }
            long[] ijk = new long[3];
            for (int d = 0; d < 3; d++) {
                try {
                    ijk[d] = Long.parseLong(parts[d].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--voxel takes i,j,k (three integers), got '" + v + "'", e);
                }
            }
            out.add(ijk);
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof long[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof double[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof double[][] a) {
            return java.util.Arrays.deepToString(a);
        }
        return String.valueOf(v);
    }
}
