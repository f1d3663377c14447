package org.neurocurate.learn.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.neurocurate.learn.model.Gradients;

/**
 * Applies one optimiser step to the network's parameters and owns the optimiser state (Adam's
 * moments, SGD's momentum) so that a checkpoint can save and restore it: DJL's own optimisers keep
 * that state privately, and a resumed run would silently restart it.
 *
 * <p>The update itself is PyTorch's fused kernel behind DJL's {@code adamUpdate}/{@code sgdUpdate}
 * (one native call per parameter, no autograd). Adam's bias correction is folded into the rate:
 * lr_t = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ). Gradients are read, used, zeroed (PyTorch accumulates them)
 * and their Java handles closed within the step, so nothing leaks per step.
 */
public final class ParameterUpdater {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;
    private static final float SGD_MOMENTUM = 0.9f;
    /** A negative clip bound disables the kernel's clipping. */
    private static final float NO_CLIP = -1f;

    private final OptimizerKind kind;
    private final float weightDecay;
    private final NDManager manager;
    private final List<NDArray[]> state = new ArrayList<>();
    private long t;

    /** @param manager long-lived manager that owns the optimiser state */
    public ParameterUpdater(OptimizerKind kind, double weightDecay, NDManager manager) {
        this.kind = kind;
        this.weightDecay = (float) weightDecay;
        this.manager = manager;
    }

    /** Updates every parameter with its current gradient at learning rate {@code lr}, then zeroes the gradients. */
    public void step(List<Parameter> parameters, double lr) {
        t++;
        ensureState(parameters);
        float rate = (float) lr;
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        for (int p = 0; p < parameters.size(); p++) {
            NDArray w = parameters.get(p).getArray();
            try (NDArray g = w.getGradient()) {
                NDArray[] s = state.get(p);
                if (kind == OptimizerKind.SGD) {
                    w.getNDArrayInternal().sgdUpdate(new NDList(w, g, s[0]), new NDList(w), rate, weightDecay,
                            1f, NO_CLIP, SGD_MOMENTUM, false);
                } else {
                    w.getNDArrayInternal().adamUpdate(new NDList(w, g, s[0], s[1]), new NDList(w), rate, corrected,
                            weightDecay, 1f, NO_CLIP, BETA1, BETA2, EPS, false, kind == OptimizerKind.ADAMW);
                }
            }
        }
        Gradients.zero(parameters);
    }

    private void ensureState(List<Parameter> parameters) {
        if (!state.isEmpty()) {
            if (state.size() != parameters.size()) {
                throw new IllegalStateException("optimizer state has " + state.size() + " entries for "
                        + parameters.size() + " parameters");
            }
            return;
        }
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            NDArray m = manager.zeros(w.getShape(), w.getDataType());
            state.add(kind == OptimizerKind.SGD ? new NDArray[] {m}
                    : new NDArray[] {m, manager.zeros(w.getShape(), w.getDataType())});
        }
    }

    /** Steps taken so far (Adam's t). */
    public long steps() {
        return t;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(kind.key());
        out.writeLong(t);
        out.writeInt(state.size());
        for (NDArray[] s : state) {
            out.writeInt(s.length);
            for (NDArray a : s) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /** Restores state written by {@link #save}; the optimiser kind must match. */
    public void load(DataInputStream in) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(kind.key())) {
            throw new IOException("checkpoint was written with optimizer " + saved + ", this run uses " + kind.key());
        }
        t = in.readLong();
        for (NDArray[] s : state) {
            for (NDArray a : s) {
                a.close();
            }
        }
        state.clear();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            NDArray[] s = new NDArray[in.readInt()];
            for (int j = 0; j < s.length; j++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                s[j] = NDArray.decode(manager, bytes);
            }
            state.add(s);
        }
    }
}
