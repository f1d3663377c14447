package org.neurocurate.learn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link SequentialBlock} that releases each intermediate output as soon as the next child has
 * consumed it, instead of leaving it to the step's {@link ai.djl.ndarray.NDManager}.
 *
 * <p>Why: a DJL array is a handle on a reference-counted PyTorch tensor. With plain sequential
 * blocks every intermediate of the forward pass stays referenced by the step manager until the
 * step ends, so peak memory holds all activations <em>and</em> all of backward's buffers at once;
 * in PyTorch (Python) an activation that autograd does not need is freed when its last reference
 * goes. Closing the handle early drops our reference only: tensors that autograd saved for backward
 * stay alive until backward frees them, so gradients are unchanged. The block's own inputs and the
 * final output are never closed here.
 */
public class ReleasingSequentialBlock extends SequentialBlock {

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList current = inputs;
        for (Block child : children.values()) {
            NDList next = child.forward(parameterStore, current, training, params);
            if (current != inputs) {
                release(current, next, inputs);
            }
            current = next;
        }
        return current;
    }

    /** Closes the arrays of {@code done} that are neither passed on in {@code next} nor the block's inputs. */
    static void release(NDList done, NDList next, NDList inputs) {
        for (NDArray a : done) {
            if (!containsSame(next, a) && !containsSame(inputs, a)) {
                a.close();
            }
        }
    }

    private static boolean containsSame(NDList list, NDArray a) {
        for (NDArray b : list) {
            if (b == a) {
                return true;
            }
        }
        return false;
    }
}
