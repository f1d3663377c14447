package org.neurocurate.learn.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Checks and clears the accumulated gradients of parameters.
 *
 * <p>Why the check exists: PyTorch 2.7.1 on CPU runs 3D convolutions through oneDNN, which stores
 * the weights of a convolution whose output channels are not a multiple of its vector block (16
 * with AVX-512) padded to that block. Its input-gradient kernel multiplies the padded weights by
 * zero, and the padding is not always cleared: when the reused memory under it happens to hold NaN
 * or infinity, 0 × NaN puts NaN into the input gradient, and from there into every earlier
 * layer's gradients. Measured here with a DenseNet of growth 4: one forward/backward of a fixed
 * batch gave NaN gradients in 0 to 60 of 100 repeats, depending on the process; with poisoned
 * small allocations the same convolution alone failed in 195 of 200. Recomputing usually gives the
 * exact gradients, since 0 × any finite value is 0. Channel counts that are multiples of 16 (all
 * the shipped encoders) do not take that path.
 */
public final class Gradients {

    private Gradients() {
    }

    /**
     * Whether every gradient element of {@code parameters} is finite (one reduction per parameter
     * and one read back). A sum of float32 gradients overflows only for values near 10³⁸, which is
     * divergence anyway.
     */
    public static boolean finite(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return true;
        }
        try (NDManager scratch = parameters.get(0).getArray().getManager().newSubManager()) {
            NDList sums = new NDList(parameters.size());
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(scratch);
                sums.add(g.sum());
            }
            return Float.isFinite(NDArrays.stack(sums).sum().getFloat());
        }
    }

    /** Sets every gradient of {@code parameters} to zero; unlike g − g this also clears NaN and infinity. */
    public static void zero(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }
}
