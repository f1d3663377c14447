package org.neurocurate.learn.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * An ordered list of augmentations, each applied with its own probability. {@link #sample} draws
 * which ones apply and their parameters; {@link Plan#apply} is deterministic.
 */
public final class AugmentationPipeline {

    /** One augmentation and the probability that it is applied to a view. */
    public record Step(Augmentation augmentation, double probability) {
        public Step {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
            }
        }
    }

    /** The sampled transforms of one view, in order. */
    public record Plan(List<Transform> transforms) {
        public Plan {
            transforms = List.copyOf(transforms);
        }

        public FloatGrid apply(FloatGrid in) {
            FloatGrid g = in;
            for (Transform t : transforms) {
                g = t.apply(g);
            }
            return g;
        }
    }

    private final List<Step> steps;

    public AugmentationPipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * y-Aware's set (crop-resize, flip, blur, noise, cutout) plus nnU-Net-style intensity
     * scale/shift and a small affine, with probabilities that keep most views recognisable.
     */
    public static AugmentationPipeline defaults() {
        return new AugmentationPipeline(List.of(
                new Step(new CropResize(0.8), 1.0),
                new Step(new SmallAffine(10, 0.1), 0.3),
                new Step(new Flip(0.5, 0, 0), 1.0),
                new Step(new GaussianBlur(0.1, 1.0), 0.3),
                new Step(new IntensityScaleShift(0.1, 0.1), 0.5),
                new Step(new GaussianNoise(0.1), 0.5),
                new Step(new Cutout(0.25), 0.5)));
    }

    /** No augmentation: both views are the input (for tests and benchmarks of the trainer alone). */
    public static AugmentationPipeline none() {
        return new AugmentationPipeline(List.of());
    }

    public List<Step> steps() {
        return steps;
    }

    /** Draws a plan for one view; consumes the same number of draws whatever is chosen. */
    public Plan sample(Random random, FloatGrid in) {
        List<Transform> chosen = new ArrayList<>();
        for (Step s : steps) {
            boolean on = random.nextDouble() < s.probability();
            Transform t = s.augmentation().sample(random, in);
            if (on) {
                chosen.add(t);
            }
        }
        return new Plan(chosen);
    }
}
