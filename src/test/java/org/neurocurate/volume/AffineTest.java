package org.neurocurate.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AffineTest {

    private static final Affine OBLIQUE = Affine.fromRows(new double[][] {
        {0, -2, 0.1, 90}, {1.5, 0, 0, -120}, {0.2, 0, 3, 14}});

    @Test
    void inverseUndoesTheTransform() {
        double[] p = {3, -7, 11};
        double[] back = OBLIQUE.inverse().apply(OBLIQUE.apply(p));
        assertArrayEquals(p, back, 1e-12, "round trip through the inverse (double rounding only)");
        assertTrue(OBLIQUE.compose(OBLIQUE.inverse()).approxEquals(Affine.identity(), 1e-12));
    }

    @Test
    void columnNormsAreVoxelSizes() {
        assertArrayEquals(new double[] {Math.hypot(1.5, 0.2), 2, Math.hypot(0.1, 3)}, OBLIQUE.columnNorms(), 1e-15);
    }

    @Test
    void singularAffineIsRefused() {
        assertThrows(IllegalStateException.class, () -> Affine.scaling(1, 0, 1).inverse());
    }
}
