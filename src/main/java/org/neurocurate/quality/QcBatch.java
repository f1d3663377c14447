package org.neurocurate.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;

/**
 * Quality control of many scans, one at a time (one volume in memory), never stopping on a bad file:
 * a corrupt or unreadable file, a non-3D image or an image without a brain becomes a row that says why,
 * and the batch goes on. Callers decide the exit status from {@link #failures(List)}.
 */
public final class QcBatch {

    private QcBatch() {
    }

    public static List<QcRow> run(List<Path> files, QcConfig config, ProgressListener progress) {
        List<QcRow> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (progress.isCancelled()) {
                break;
            }
            Path file = files.get(i);
            progress.status("quality control " + (i + 1) + "/" + files.size() + ": " + file.getFileName());
            rows.add(one(file, config, progress));
            progress.progress(i + 1, files.size());
        }
        return rows;
    }

    /** Number of rows that failed. */
    public static long failures(List<QcRow> rows) {
        return rows.stream().filter(QcRow::failed).count();
    }

    private static QcRow one(Path file, QcConfig config, ProgressListener progress) {
        try {
            return new QcRow(file, QualityPipeline.run(NiftiReader.read(file), config, ProgressListener.NONE).row(), null);
        } catch (IOException | IllegalArgumentException e) {
            progress.warn(e.getMessage());
            return new QcRow(file, Map.of(), e.getMessage());
        } catch (NoBrainException e) {
            progress.warn(file + ": " + e.getMessage());
            return new QcRow(file, Map.of(), file + ": " + e.getMessage());
        }
    }
}
