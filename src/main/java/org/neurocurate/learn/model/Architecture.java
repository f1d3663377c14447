package org.neurocurate.learn.model;

/** The encoder families NeuroCurate can pretrain; the key is what model.json stores. */
public enum Architecture {
    /** A 3D ResNet with basic blocks (He et al., CVPR 2016), sized for CPU training. */
    RESNET3D("resnet3d"),
    /** A 3D DenseNet-121 as used by y-Aware (Huang et al., CVPR 2017; Dufumier et al., MICCAI 2021). */
    DENSENET3D("densenet3d");

    private final String key;

    Architecture(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a key (case-insensitive) as written by {@link #key()}. */
    public static Architecture fromKey(String key) {
        for (Architecture a : values()) {
            if (a.key.equalsIgnoreCase(key) || a.name().equalsIgnoreCase(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + key + "' (resnet3d or densenet3d)");
    }
}
