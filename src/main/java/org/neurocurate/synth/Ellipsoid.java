package org.neurocurate.synth;

/**
 * An axis-aligned ellipsoid in head coordinates (mm) with a cheap approximate signed distance.
 *
 * <p>With r(p) = |(p − c)/a| (component-wise division), the first-order distance to the surface r = 1
 * is (r − 1)/|∇r| = (r − 1)·r / |(p − c)/a²|: exact on a sphere, within a few percent near the surface
 * of the mildly eccentric shapes used here, and only used for partial volume and layer thickness.
 */
record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) {

    /** Signed distance (mm), negative inside. */
    double distance(double x, double y, double z) {
        double u = (x - cx) / ax;
        double v = (y - cy) / ay;
        double w = (z - cz) / az;
        double r = Math.sqrt(u * u + v * v + w * w);
        double gx = u / ax;
        double gy = v / ay;
        double gz = w / az;
        double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
        if (g < 1e-9) {
            return -Math.min(ax, Math.min(ay, az));
        }
        return (r - 1) * r / g;
    }

    /** The same ellipsoid with semi-axes scaled by {@code s} about its centre. */
    Ellipsoid scaled(double s) {
        return new Ellipsoid(cx, cy, cz, ax * s, ay * s, az * s);
    }

    /** The same ellipsoid with {@code mm} added to each semi-axis. */
    Ellipsoid grown(double mm) {
        return new Ellipsoid(cx, cy, cz, ax + mm, ay + mm, az + mm);
    }

    /** Mirror image across the mid-sagittal plane x = 0. */
    Ellipsoid mirrored() {
        return new Ellipsoid(-cx, cy, cz, ax, ay, az);
    }
}
