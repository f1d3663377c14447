package org.neurocurate.learn.model;

import java.util.Arrays;

/**
 * The shape of an encoder and its projection head; stored in model.json.
 *
 * @param architecture network family
 * @param baseChannels ResNet: channels of the stem and first stage (doubling per stage);
 *     DenseNet: channels of the stem (DenseNet-121: 64)
 * @param blocks ResNet: basic blocks per stage (4 stages); DenseNet: layers per dense block
 *     (DenseNet-121: 6, 12, 24, 16)
 * @param growth DenseNet growth rate k (DenseNet-121: 32); unused by ResNet
 * @param projectionHidden width of the projection head's hidden layer
 * @param projectionDim dimension of the projections the loss sees
 */
public record EncoderConfig(Architecture architecture, int baseChannels, int[] blocks, int growth,
        int projectionHidden, int projectionDim) {

    public EncoderConfig {
        if (baseChannels < 1 || growth < 1 || projectionHidden < 1 || projectionDim < 1) {
            throw new IllegalArgumentException("channel counts must be >= 1");
        }
        if (blocks.length < 1 || Arrays.stream(blocks).anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("every stage needs >= 1 block: " + Arrays.toString(blocks));
        }
        if (architecture == Architecture.RESNET3D && blocks.length != 4) {
            throw new IllegalArgumentException("the 3D ResNet has 4 stages, got " + blocks.length);
        }
        blocks = blocks.clone();
    }

    /** The default CPU-sized ResNet: 16-32-64-128 channels, one basic block per stage, 128 → 128 → 64 head. */
    public static EncoderConfig resnet() {
        return new EncoderConfig(Architecture.RESNET3D, 16, new int[] {1, 1, 1, 1}, 1, 128, 64);
    }

    /** DenseNet-121 as in y-Aware: stem 64, growth 32, blocks 6-12-24-16, 512 → 128 head (on the 1024 features). */
    public static EncoderConfig densenet121() {
        return new EncoderConfig(Architecture.DENSENET3D, 64, new int[] {6, 12, 24, 16}, 32, 512, 128);
    }

    @Override
    public int[] blocks() {
        return blocks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncoderConfig c && c.architecture == architecture && c.baseChannels == baseChannels
                && Arrays.equals(c.blocks, blocks) && c.growth == growth && c.projectionHidden == projectionHidden
                && c.projectionDim == projectionDim;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blocks) * 31 + java.util.Objects.hash(architecture, baseChannels, growth,
                projectionHidden, projectionDim);
    }

    @Override
    public String toString() {
        return architecture.key() + " base " + baseChannels + " blocks " + Arrays.toString(blocks) + " growth "
                + growth + " head " + projectionHidden + "->" + projectionDim;
    }
}
