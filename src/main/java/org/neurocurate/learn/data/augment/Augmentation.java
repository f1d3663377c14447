package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/** The random half of an augmentation: draws parameters from {@code random} for an input's shape. */
public interface Augmentation {

    /** Stable key, e.g. {@code crop_resize}. */
    String key();

    Transform sample(Random random, FloatGrid in);
}
