package org.neurocurate.synth;

import java.util.List;

/** Rotation matrices from Euler angles. */
final class Rotation {

    private Rotation() {
    }

    /** R = Rz(γ)·Ry(β)·Rx(α) for angles (α, β, γ) in degrees, row-major. */
    static double[] matrix(List<Double> degrees) {
        double a = Math.toRadians(degrees.get(0));
        double b = Math.toRadians(degrees.get(1));
        double c = Math.toRadians(degrees.get(2));
        double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cc = Math.cos(c), sc = Math.sin(c);
        return new double[] {
            cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa,
            sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa,
            -sb, cb * sa, cb * ca};
    }
}
