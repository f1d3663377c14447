package org.neurocurate.synth;

/**
 * An axis-aligned ellipsoid in head coordinates (mm) with a cheap approximate signed distance.
 *
 * <p>With r(p) = |(p − c)/a| (component-wise division), the first-order distance to the surface r = 1
 * is (r − 1)/|∇r| = (r − 1)·r / |(p − c)/a²|: exact on a sphere, within a few percent near the surface
 * of the mildly eccentric shapes used here, and only used for partial volume and layer thickness.
 */
final class Ellipsoid {

    private final double cx;
    private final double cy;
    private final double cz;
    private final double ax;
    private final double ay;
    private final double az;
    private final double ix;
    private final double iy;
    private final double iz;

    Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) {
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.ax = ax;
        this.ay = ay;
        this.az = az;
        this.ix = 1 / ax;
        this.iy = 1 / ay;
        this.iz = 1 / az;
    }

    double cx() {
        return cx;
    }

    double cy() {
        return cy;
    }

    double cz() {
        return cz;
    }

    double ax() {
        return ax;
    }

    double ay() {
        return ay;
    }

    double az() {
        return az;
    }

    /** Signed distance (mm), negative inside. */
    double distance(double x, double y, double z) {
        double u = (x - cx) * ix;
        double v = (y - cy) * iy;
        double w = (z - cz) * iz;
        double r2 = u * u + v * v + w * w;
        double gx = u * ix;
        double gy = v * iy;
        double gz = w * iz;
        double g2 = gx * gx + gy * gy + gz * gz;
        if (g2 < 1e-18) {
            return -Math.min(ax, Math.min(ay, az));
        }
        double r = Math.sqrt(r2);
        return (r - 1) * r / Math.sqrt(g2);
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
