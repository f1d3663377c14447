package org.neurocurate.io.bids;

/** Session labels as written in tables and folder names: {@code ses-1} and {@code 1} are the same session. */
final class SessionLabels {

    private SessionLabels() { }

    /** The label without a leading {@code ses-}. */
    static String strip(String s) {
        return s.startsWith("ses-") ? s.substring(4) : s;
    }
}
