package org.neurocurate.learn.train;

/**
 * Linear warm-up then cosine decay (Goyal et al. 2017; Loshchilov &amp; Hutter, SGDR 2017), as
 * SimCLR trains: for step s = 1..T with W warm-up steps,
 * <pre>
 *   lr(s) = base · s / W                                            s ≤ W
 *   lr(s) = min + (base − min) · ½ (1 + cos(π (s − W) / (T − W)))     s &gt; W
 * </pre>
 *
 * @param base peak learning rate
 * @param warmupSteps W (0 = none)
 * @param totalSteps T
 * @param min final learning rate
 */
public record LearningRateSchedule(double base, long warmupSteps, long totalSteps, double min) {

    public LearningRateSchedule {
        if (!(base > 0) || warmupSteps < 0 || totalSteps < 1 || !(min >= 0 && min <= base)) {
            throw new IllegalArgumentException("need base > 0, 0 <= min <= base, warmup >= 0, total >= 1");
        }
    }

    /** The rate of 1-based step {@code s}. */
    public double at(long s) {
        if (s <= warmupSteps) {
            return base * s / warmupSteps;
        }
        long span = totalSteps - warmupSteps;
        if (span <= 0) {
            return base;
        }
        double progress = Math.min(1.0, (double) (s - warmupSteps) / span);
        return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
