package org.neurocurate.learn.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * Builds the 3D encoders of {@link Architecture} with their projection heads.
 *
 * <p>ResNet: conv 3³/2 + BN + ReLU, max-pool 3³/2, four stages of basic blocks (two conv 3³ + BN,
 * identity or 1³/2 projection shortcut) with channels c, 2c, 4c, 8c and stride 2 from the second
 * stage, global average pool → 8c features. A 64³ input reaches the last stage at 2³.
 *
 * <p>DenseNet: conv 7³/2 + BN + ReLU, max-pool 3³/2, dense blocks of BN-ReLU-conv 1³ (4k) -
 * BN-ReLU-conv 3³ (k) layers concatenated to their input, transitions BN-ReLU-conv 1³ (half the
 * channels) + avg-pool 2³/2 between blocks, final BN-ReLU, global average pool.
 *
 * <p>Head: linear (hidden) - ReLU - linear (projection), as SimCLR's MLP head.
 */
public final class Encoders {

    /** Whether blocks release intermediates early; false only for the equivalence test. */
    private final boolean release;

    private Encoders(boolean release) {
        this.release = release;
    }

    /** A network of {@code config}; call {@link EncoderNetwork#initialize} before use. */
    public static EncoderNetwork build(EncoderConfig config, NDManager manager) {
        return build(config, manager, true);
    }

    /**
     * @param release release intermediates early ({@link ReleasingSequentialBlock}); false builds
     *     DJL's plain blocks, kept to test that releasing leaves results unchanged
     */
    static EncoderNetwork build(EncoderConfig config, NDManager manager, boolean release) {
        return new Encoders(release).network(config, manager);
    }

    private EncoderNetwork network(EncoderConfig config, NDManager manager) {
        SequentialBlock backbone = seq();
        int features = switch (config.architecture()) {
            case RESNET3D -> resnet(backbone, config);
            case DENSENET3D -> densenet(backbone, config);
        };
        backbone.add(Pool.globalAvgPool3dBlock()).add(Blocks.batchFlattenBlock());
        SequentialBlock head = seq()
                .add(Linear.builder().setUnits(config.projectionHidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(config.projectionDim()).build());
        SequentialBlock full = seq().add(backbone).add(head);
        return new EncoderNetwork(config, backbone, full, features, manager);
    }

    private SequentialBlock seq() {
        return release ? new ReleasingSequentialBlock() : new SequentialBlock();
    }

    private int resnet(SequentialBlock net, EncoderConfig config) {
        int c = config.baseChannels();
        net.add(conv(c, 3, 2)).add(bn()).add(Activation.reluBlock())
                .add(Pool.maxPool3dBlock(new Shape(3, 3, 3), new Shape(2, 2, 2), new Shape(1, 1, 1)));
        int in = c;
        int[] blocks = config.blocks();
        for (int stage = 0; stage < 4; stage++) {
            int out = c << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                net.add(basicBlock(out, stride, in != out || stride != 1));
                in = out;
            }
        }
        return in;
    }

    private Block basicBlock(int channels, int stride, boolean projectShortcut) {
        SequentialBlock main = seq()
                .add(conv(channels, 3, stride)).add(bn()).add(Activation.reluBlock())
                .add(conv(channels, 3, 1)).add(bn());
        Block shortcut = projectShortcut
                ? seq().add(conv(channels, 1, stride)).add(bn())
                : Blocks.identityBlock();
        return seq()
                .add(new ParallelBlock(this::sum, List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private int densenet(SequentialBlock net, EncoderConfig config) {
        int channels = config.baseChannels();
        int k = config.growth();
        net.add(conv(channels, 7, 2)).add(bn()).add(Activation.reluBlock())
                .add(Pool.maxPool3dBlock(new Shape(3, 3, 3), new Shape(2, 2, 2), new Shape(1, 1, 1)));
        int[] blocks = config.blocks();
        for (int b = 0; b < blocks.length; b++) {
            for (int layer = 0; layer < blocks[b]; layer++) {
                SequentialBlock dense = seq()
                        .add(bn()).add(Activation.reluBlock()).add(conv(4 * k, 1, 1))
                        .add(bn()).add(Activation.reluBlock()).add(conv(k, 3, 1));
                net.add(new ParallelBlock(this::concat, List.of(Blocks.identityBlock(), dense)));
                channels += k;
            }
            if (b < blocks.length - 1) {
                channels /= 2;
                net.add(bn()).add(Activation.reluBlock()).add(conv(channels, 1, 1))
                        .add(Pool.avgPool3dBlock(new Shape(2, 2, 2), new Shape(2, 2, 2)));
            }
        }
        net.add(bn()).add(Activation.reluBlock());
        return channels;
    }

    private static Block conv(int filters, int kernel, int stride) {
        int pad = kernel / 2;
        return Conv3d.builder()
                .setKernelShape(new Shape(kernel, kernel, kernel))
                .optStride(new Shape(stride, stride, stride))
                .optPadding(new Shape(pad, pad, pad))
                .setFilters(filters)
                .optBias(false)
                .build();
    }

    private static Block bn() {
        return BatchNorm.builder().build();
    }

    /**
     * Residual sum; the branch outputs are released at once (see {@link ReleasingSequentialBlock}:
     * autograd keeps what backward needs). The identity branch is the block input, which nothing
     * after the sum uses either.
     */
    private NDList sum(List<NDList> branches) {
        NDArray a = branches.get(0).singletonOrThrow();
        NDArray b = branches.get(1).singletonOrThrow();
        NDArray out = a.add(b);
        if (release) {
            a.close();
            b.close();
        }
        return new NDList(out);
    }

    /** Dense connectivity: input and new features concatenated along channels, then both released. */
    private NDList concat(List<NDList> branches) {
        NDArray a = branches.get(0).singletonOrThrow();
        NDArray b = branches.get(1).singletonOrThrow();
        NDArray out = NDArrays.concat(new NDList(a, b), 1);
        if (release) {
            a.close();
            b.close();
        }
        return new NDList(out);
    }
}
