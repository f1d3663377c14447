package org.neurocurate.synth;

import java.util.List;
import java.util.Random;

/**
 * Everything that makes one synthetic subject: identity, age, sex, site, head size and pose, the
 * individual ageing deviations and the seed of the subject's random fields (folding pattern, shape,
 * lesions, texture).
 *
 * @param participantId BIDS label with prefix, e.g. "sub-001"
 * @param age years
 * @param sex "M" or "F"
 * @param siteIndex index into the cohort's site list
 * @param headScale linear scale of the head along x, y, z (1 = template)
 * @param rotationDeg head rotation about x, y, z, degrees
 * @param translationMm head position in the field of view, mm
 * @param individual deviations from the average ageing trajectory
 * @param anatomySeed seed of the subject's random fields
 */
public record SubjectParams(String participantId, double age, String sex, int siteIndex, List<Double> headScale,
        List<Double> rotationDeg, List<Double> translationMm, AgeingModel.Individual individual, long anatomySeed) {

    public SubjectParams {
        headScale = List.copyOf(headScale);
        rotationDeg = List.copyOf(rotationDeg);
        translationMm = List.copyOf(translationMm);
        if (headScale.size() != 3 || rotationDeg.size() != 3 || translationMm.size() != 3) {
            throw new IllegalArgumentException("head scale, rotation and translation need 3 values each");
        }
        if (!(age >= 0 && age <= 130)) {
            throw new IllegalArgumentException("age out of range: " + age);
        }
    }

    /**
     * Draws a subject: age uniform in [minAge, maxAge] (one decimal), sex 50/50, site uniform,
     * head scale 1 (F) or 1.03 (M) times N(1, 0.03) per axis (clamped to ±8 %), rotation uniform in
     * ±6° per axis, translation uniform in ±5 mm per axis.
     */
    public static SubjectParams sample(String participantId, Random r, int sites, double minAge, double maxAge) {
        double age = Math.round((minAge + (maxAge - minAge) * r.nextDouble()) * 10) / 10.0;
        String sex = r.nextBoolean() ? "M" : "F";
        int site = r.nextInt(sites);
        double base = "M".equals(sex) ? 1.03 : 1.0;
        Double[] scale = new Double[3];
        Double[] rot = new Double[3];
        Double[] shift = new Double[3];
        for (int a = 0; a < 3; a++) {
            scale[a] = base * Math.max(0.92, Math.min(1.08, 1 + 0.03 * r.nextGaussian()));
            rot[a] = 12 * r.nextDouble() - 6;
            shift[a] = 10 * r.nextDouble() - 5;
        }
        return new SubjectParams(participantId, age, sex, site, List.of(scale), List.of(rot), List.of(shift),
                AgeingModel.Individual.sample(r), r.nextLong());
    }
}
