package org.neurocurate.quality.tier;

/**
 * The tier of one scan.
 *
 * @param id       the scan's id from the input table
 * @param pUsable  calibrated probability that the scan is usable; NaN for rule-based tiers and untiered rows
 * @param tier     1 (unusable) .. 5 (excellent), or 0 when the row could not be tiered
 * @param reason   why: the IQMs that drove the tier with values and reference, or the row's problem
 */
public record TierAssignment(String id, double pUsable, int tier, String reason) {

    /** True when the row got a tier. */
    public boolean tiered() {
        return tier >= 1;
    }
}
