package org.neurocurate.quality.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.quality.masks.BinaryMorphology.Connectivity;

/** The mask building blocks against their definitions, by brute force on small random grids. */
class MaskAlgorithmsTest {

    private static final Grid3 G = new Grid3(9, 7, 8, new double[] {1.0, 1.5, 2.5});

    private static boolean[] random(long seed, double p) {
        Random r = new Random(seed);
        boolean[] m = new boolean[G.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble() < p;
        }
        return m;
    }

    @Test
    void distanceTransformIsTheExactEuclideanDistanceInMm() {
        boolean[] target = random(1, 0.03);
        float[] d = DistanceTransform.distanceTo(target, G);
        for (int z = 0, v = 0; z < G.nz(); z++) {
            for (int y = 0; y < G.ny(); y++) {
                for (int x = 0; x < G.nx(); x++, v++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int zz = 0, w = 0; zz < G.nz(); zz++) {
                        for (int yy = 0; yy < G.ny(); yy++) {
                            for (int xx = 0; xx < G.nx(); xx++, w++) {
                                if (target[w]) {
                                    best = Math.min(best, Math.sqrt(sq((x - xx) * 1.0) + sq((y - yy) * 1.5) + sq((z - zz) * 2.5)));
                                }
                            }
                        }
                    }
                    assertEquals(best, d[v], 1e-5, "float rounding of the distance only");
                }
            }
        }
    }

    @Test
    void dilationAndErosionFollowTheirNeighbourhoodDefinitions() {
        boolean[] m = random(2, 0.5);
        for (Connectivity c : Connectivity.values()) {
            boolean[] dil = BinaryMorphology.dilate(m, G, c, 1);
            boolean[] ero = BinaryMorphology.erode(m, G, c, 1);
            int maxL1 = c == Connectivity.SIX ? 1 : 2;
            for (int z = 0, v = 0; z < G.nz(); z++) {
                for (int y = 0; y < G.ny(); y++) {
                    for (int x = 0; x < G.nx(); x++, v++) {
                        boolean any = false;
                        boolean all = true;
                        for (int dz = -1; dz <= 1; dz++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    if (Math.abs(dx) + Math.abs(dy) + Math.abs(dz) > maxL1) {
                                        continue;
                                    }
                                    int xx = x + dx;
                                    int yy = y + dy;
                                    int zz = z + dz;
                                    boolean in = xx >= 0 && yy >= 0 && zz >= 0 && xx < G.nx() && yy < G.ny() && zz < G.nz()
                                            && m[G.index(xx, yy, zz)];
                                    any |= in;
                                    all &= in;
                                }
                            }
                        }
                        assertEquals(any, dil[v], c + " dilation at " + x + "," + y + "," + z);
                        assertEquals(all, ero[v], c + " erosion at " + x + "," + y + "," + z);
                    }
                }
            }
        }
    }

    @Test
    void fillHolesClosesEnclosedCavitiesOnly() {
        Grid3 g = new Grid3(7, 7, 7, new double[] {1, 1, 1});
        boolean[] shell = new boolean[g.size()];
        for (int z = 1; z <= 5; z++) {
            for (int y = 1; y <= 5; y++) {
                for (int x = 1; x <= 5; x++) {
                    shell[g.index(x, y, z)] = x == 1 || x == 5 || y == 1 || y == 5 || z == 1 || z == 5;
                }
            }
        }
        boolean[] filled = Components.fillHoles(shell, g);
        assertTrue(filled[g.index(3, 3, 3)], "the cavity is filled");
        assertFalse(filled[g.index(0, 0, 0)], "outside stays outside");
        shell[g.index(1, 3, 3)] = false;
        assertFalse(Components.fillHoles(shell, g)[g.index(3, 3, 3)], "an opened shell has no hole");
    }

    @Test
    void largestComponentKeepsTheBiggestBlob() {
        Grid3 g = new Grid3(10, 3, 3, new double[] {1, 1, 1});
        boolean[] m = new boolean[g.size()];
        m[g.index(0, 1, 1)] = true;
        for (int x = 3; x < 8; x++) {
            m[g.index(x, 1, 1)] = true;
        }
        boolean[] big = Components.largest(m, g);
        assertFalse(big[g.index(0, 1, 1)]);
        assertTrue(big[g.index(5, 1, 1)]);
    }

    @Test
    void rotationMaskFindsZeroPaddingAtTheBorderButNotZerosInside() {
        Grid3 g = new Grid3(20, 20, 20, new double[] {1, 1, 1});
        float[] img = new float[g.size()];
        for (int z = 0, v = 0; z < 20; z++) {
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 20; x++, v++) {
                    boolean padded = x + y < 8;
                    boolean innerZero = x == 10 && y == 10 && z == 10;
                    img[v] = padded || innerZero ? 0 : 5 + (v % 7);
                }
            }
        }
        boolean[] rot = HeadMask.rotation(img, g);
        assertTrue(rot[g.index(0, 0, 10)], "corner padding is rotation mask");
        assertFalse(rot[g.index(10, 10, 10)], "an isolated zero inside is not");
    }

    @Test
    void blockMeansAndReplicationRoundTripOnBlockConstantImages() {
        Grid3 g = new Grid3(6, 4, 5, new double[] {1, 1, 1});
        float[] img = new float[g.size()];
        for (int z = 0, v = 0; z < 5; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++, v++) {
                    img[v] = (x / 2) + 10 * (y / 2) + 100 * (z / 2);
                }
            }
        }
        float[] small = Resolution.blockMean(img, g, 2);
        assertEquals(3 * 2 * 3, small.length, "ceil(6/2) x ceil(4/2) x ceil(5/2)");
        assertArrayEquals(img, Resolution.upsample(small, g, 2), 0f);
    }

    private static double sq(double v) {
        return v * v;
    }
}
