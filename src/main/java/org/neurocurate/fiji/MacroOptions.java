package org.neurocurate.fiji;

import java.awt.GraphicsEnvironment;

import ij.Macro;
import ij.plugin.frame.Recorder;

/**
 * The key=value options an ImageJ 1 macro passed to {@code run("Label", "...")}, read the way ImageJ's
 * own dialogs read them ({@link Macro#getValue}); flags are keys given without a value.
 */
final class MacroOptions {

    private final String options;

    private MacroOptions(String options) {
        this.options = options;
    }

    /** The options of the macro call running on this thread (empty when not called from a macro). */
    static MacroOptions current() {
        String o = Macro.getOptions();
        return new MacroOptions(o == null ? "" : o + " ");
    }

    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }

    String get(String key, String fallback) {
        return options.isEmpty() ? fallback : Macro.getValue(options, key, fallback);
    }

    double number(String key, double fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not a number", e);
        }
    }

    boolean flag(String key, boolean fallback) {
        if (options.isEmpty()) {
            return fallback;
        }
        return (" " + options).contains(" " + key + " ") || (" " + options).contains(" " + key + "=true");
    }

    /** Records the option when the macro recorder is on, so recorded macros replay the call. */
    void record(String key, String value) {
        if (Recorder.record) {
            Recorder.recordOption(key, value);
        }
    }
}
