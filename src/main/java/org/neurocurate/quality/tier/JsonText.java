package org.neurocurate.quality.tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A minimal JSON writer with a fixed layout (one key per line at the top level, arrays on one line)
 * and JDK-independent number text; used for the tier model file.
 */
final class JsonText {

    private final StringBuilder sb = new StringBuilder();
    private int depth;
    private boolean first = true;

    JsonText open() {
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonText close() {
        depth--;
        sb.append(depth == 0 ? "\n}" : "}");
        first = false;
        return this;
    }

    JsonText key(String k) {
        if (!first) {
            sb.append(',');
        }
        if (depth == 1) {
            sb.append("\n  ");
        }
        first = false;
        sb.append(quote(k)).append(':');
        return this;
    }

    JsonText str(String v) {
        sb.append(quote(v));
        return this;
    }

    JsonText raw(String v) {
        sb.append(v);
        return this;
    }

    JsonText num(double v) {
        sb.append(number(v, false));
        return this;
    }

    JsonText strs(List<String> v) {
        sb.append('[');
        for (int i = 0; i < v.size(); i++) {
            sb.append(i > 0 ? "," : "").append(quote(v.get(i)));
        }
        sb.append(']');
        return this;
    }

    /** Numbers; {@code floats}: each value is exactly a float and is written with 9 digits. */
    JsonText nums(double[] v, boolean floats) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? "," : "").append(number(v[i], floats));
        }
        sb.append(']');
        return this;
    }

    JsonText ints(int[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? "," : "").append(v[i]);
        }
        sb.append(']');
        return this;
    }

    /** An array of trees, one tree per line. */
    JsonText trees(List<DecisionTree> trees) {
        sb.append('[');
        for (int t = 0; t < trees.size(); t++) {
            DecisionTree d = trees.get(t);
            sb.append(t > 0 ? "," : "").append("\n    {\"feature\":");
            ints(d.feature());
            sb.append(",\"threshold\":");
            nums(d.threshold(), true);
            sb.append(",\"left\":");
            ints(d.left());
            sb.append(",\"right\":");
            ints(d.right());
            sb.append(",\"value\":");
            nums(d.value(), true);
            sb.append('}');
        }
        sb.append(']');
        return this;
    }

    /**
     * Decimal text of a finite double: 9 significant digits for a float (enough to read the same float
     * back with {@link Float#parseFloat}), else 17 (enough for any double), trailing zeros dropped.
     */
    static String number(double v, boolean isFloat) {
        if (!Double.isFinite(v) || (isFloat && (double) (float) v != v)) {
            throw new IllegalArgumentException("cannot write " + v + (isFloat ? " as a float" : ""));
        }
        if (v == 0) {
            return "0";
        }
        int digits = isFloat ? 9 : 17;
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toString();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
