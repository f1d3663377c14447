package org.neurocurate.learn.train;

/** Optimisers the trainer offers; the key is what the CLI and model.json use. */
public enum OptimizerKind {
    /** Adam (Kingma &amp; Ba 2015), L2 weight decay added to the gradient. */
    ADAM("adam"),
    /** AdamW (Loshchilov &amp; Hutter 2019), decoupled weight decay. */
    ADAMW("adamw"),
    /** SGD with momentum 0.9 and L2 weight decay. */
    SGD("sgd");

    private final String key;

    OptimizerKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static OptimizerKind fromKey(String key) {
        for (OptimizerKind k : values()) {
            if (k.key.equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + key + "' (adam, adamw or sgd)");
    }
}
