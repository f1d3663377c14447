package org.neurocurate.synth;

/**
 * How the synthetic brain changes between 18 and 90 years. With a = (age_bio − 18)/72 clamped to
 * [0, 1.2], where age_bio = age + an individual "brain-age gap":
 * <ul>
 *   <li>brain (cerebrum) linear scale 1 − 0.03a − 0.025a² (about 16 % volume loss at 90, inside an
 *       unchanged skull, so extracerebral CSF grows; cf. Fotenos et al., Neurology 2005);</li>
 *   <li>lateral ventricles linear scale (1 + 0.55a^1.7)·v, v the individual factor (volume about ×3.7
 *       at 90; cf. Kaye et al., Neurology 1992);</li>
 *   <li>cortical thickness 2.8 − 0.4a mm plus an individual offset (Salat et al., Cereb Cortex 2004);</li>
 *   <li>sulcal CSF width 0.4 + 1.8a^1.3 mm;</li>
 *   <li>white-matter lesion threshold 3.4 − 1.6a plus an individual offset (lower: more lesions;
 *       lesion load rises steeply after 60, cf. de Leeuw et al., JNNP 2001).</li>
 * </ul>
 * Every effect is monotone in age; the individual terms make age learnable but not exactly.
 */
public final class AgeingModel {

    /** Youngest and oldest ages (years) the model is built for. */
    public static final double MIN_AGE = 18;
    public static final double MAX_AGE = 90;

    private AgeingModel() {
    }

    /**
     * The effects for one subject.
     *
     * @param age chronological age, years
     * @param individual the subject's own deviations
     */
    public static Effects effects(double age, Individual individual) {
        double a = Math.max(0, Math.min(1.2, (age + individual.ageGapYears() - MIN_AGE) / (MAX_AGE - MIN_AGE)));
        return new Effects(
                1 - 0.03 * a - 0.025 * a * a,
                (1 + 0.55 * Math.pow(a, 1.7)) * individual.ventricleFactor(),
                Math.max(1.5, 2.8 - 0.4 * a + individual.thicknessOffsetMm()),
                0.4 + 1.8 * Math.pow(a, 1.3),
                3.4 - 1.6 * a + individual.lesionOffset());
    }

    /**
     * A subject's deviation from the average ageing trajectory.
     *
     * @param ageGapYears biological minus chronological age, years
     * @param ventricleFactor multiplier on ventricle size (1 = average)
     * @param thicknessOffsetMm added to cortical thickness, mm
     * @param lesionOffset added to the lesion threshold (positive: fewer lesions)
     */
    public record Individual(double ageGapYears, double ventricleFactor, double thicknessOffsetMm, double lesionOffset) {

        /** Draws deviations: gap N(0, 4 y), ventricle factor log-normal (σ 0.12), thickness N(0, 0.1 mm), lesions N(0, 0.3). */
        public static Individual sample(java.util.Random r) {
            return new Individual(4 * r.nextGaussian(), Math.exp(0.12 * r.nextGaussian()), 0.1 * r.nextGaussian(),
                    0.3 * r.nextGaussian());
        }
    }

    /**
     * @param brainScale linear scale of the cerebrum relative to a young adult
     * @param ventricleScale linear scale of the lateral ventricles
     * @param corticalThicknessMm cortical grey-matter thickness, mm
     * @param sulcalWidthMm width of CSF in sulci, mm
     * @param lesionThreshold threshold on the lesion field (in its SD units)
     */
    public record Effects(double brainScale, double ventricleScale, double corticalThicknessMm, double sulcalWidthMm,
            double lesionThreshold) {
    }
}
