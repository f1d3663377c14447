package org.neurocurate.artifact;

/**
 * Trilinear resampling of a flat volume after a rigid move about its centre, in mm on the voxel grid
 * (index × spacing). The moved image at x is the original at Rᵀ(x − t), R = Rz·Ry·Rx; outside the
 * original field of view the value is 0.
 */
final class RigidResampler {

    private RigidResampler() {
    }

    static float[] resample(float[] image, VolumeGrid g, Motion.Move move) {
        double[][] r = rotation(move.rotation().get(0), move.rotation().get(1), move.rotation().get(2));
        double[] s = g.spacing();
        double[] c = {(g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, (g.nz() - 1) / 2.0};
        double[] t = {move.translation().get(0), move.translation().get(1), move.translation().get(2)};
        float[] out = new float[image.length];
        int v = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = (i - c[0]) * s[0] - t[0];
                    double y = (j - c[1]) * s[1] - t[1];
                    double z = (k - c[2]) * s[2] - t[2];
                    double si = (r[0][0] * x + r[1][0] * y + r[2][0] * z) / s[0] + c[0];
                    double sj = (r[0][1] * x + r[1][1] * y + r[2][1] * z) / s[1] + c[1];
                    double sk = (r[0][2] * x + r[1][2] * y + r[2][2] * z) / s[2] + c[2];
                    out[v++] = trilinear(image, g, si, sj, sk);
                }
            }
        }
        return out;
    }

    /** Trilinear interpolation; 0 outside the grid. */
    static float trilinear(float[] a, VolumeGrid g, double x, double y, double z) {
        int i0 = (int) Math.floor(x);
        int j0 = (int) Math.floor(y);
        int k0 = (int) Math.floor(z);
        if (i0 < 0 || j0 < 0 || k0 < 0 || i0 + 1 >= g.nx() || j0 + 1 >= g.ny() || k0 + 1 >= g.nz()) {
            return 0;
        }
        double fx = x - i0;
        double fy = y - j0;
        double fz = z - k0;
        int b = g.index(i0, j0, k0);
        int dy = g.nx();
        int dz = g.nx() * g.ny();
        double c00 = a[b] + fx * (a[b + 1] - a[b]);
        double c10 = a[b + dy] + fx * (a[b + dy + 1] - a[b + dy]);
        double c01 = a[b + dz] + fx * (a[b + dz + 1] - a[b + dz]);
        double c11 = a[b + dy + dz] + fx * (a[b + dy + dz + 1] - a[b + dy + dz]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return (float) (c0 + fz * (c1 - c0));
    }

    /** R = Rz(γ)·Ry(β)·Rx(α), angles in degrees. */
    static double[][] rotation(double ax, double ay, double az) {
        double a = Math.toRadians(ax);
        double b = Math.toRadians(ay);
        double c = Math.toRadians(az);
        double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cc = Math.cos(c), sc = Math.sin(c);
        return new double[][] {
            {cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa},
            {sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa},
            {-sb, cb * sa, cb * ca}};
    }
}
