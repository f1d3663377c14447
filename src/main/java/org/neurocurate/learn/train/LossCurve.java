package org.neurocurate.learn.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.neurocurate.learn.AtomicFiles;

/**
 * {@code DIR/loss.svg}: the loss curve as a small standalone SVG (plain text, so the headless core
 * needs no graphics library; Fiji shows its own plot from loss.tsv). Raw losses in light grey and a
 * moving average over 5 % of the steps in black.
 */
public final class LossCurve {

    public static final String FILE = "loss.svg";
    private static final int W = 640;
    private static final int H = 360;
    private static final int PAD = 48;

    private LossCurve() {
    }

    public static void write(Path dir, double[] losses) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), svg(losses));
    }

    static String svg(double[] losses) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : losses) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            max = min + 1;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", W, H));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-family=\"sans-serif\" font-size=\"14\">"
                + "loss (%.4g to %.4g) over %d steps</text>%n", PAD, min, max, losses.length));
        sb.append(polyline(losses, min, max, "#bbbbbb"));
        sb.append(polyline(movingAverage(losses, Math.max(1, losses.length / 20)), min, max, "black"));
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String polyline(double[] v, double min, double max, String colour) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            double x = PAD + (W - 2.0 * PAD) * (v.length == 1 ? 0 : (double) i / (v.length - 1));
            double y = H - PAD - (H - 2.0 * PAD) * (v[i] - min) / (max - min);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"" + pts.toString().trim()
                + "\"/>\n";
    }

    private static double[] movingAverage(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
