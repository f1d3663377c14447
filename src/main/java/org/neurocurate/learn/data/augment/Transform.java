package org.neurocurate.learn.data.augment;

import org.neurocurate.learn.data.FloatGrid;

/**
 * The deterministic half of an augmentation: an immutable parameters record that knows how to apply
 * itself (TorchIO's sample-then-apply). Its {@code toString()} records the parameters, so any view
 * can be reproduced.
 */
public interface Transform {

    /** A new grid; the input is never modified. */
    FloatGrid apply(FloatGrid in);
}
