package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class IqmRegistryTest {

    @Test
    void discoversEveryMriqcStructuralMeasureOnce() {
        IqmRegistry registry = IqmRegistry.discover();
        List<IqmDefinition> defs = registry.definitions();
        assertEquals(68, defs.size(), "MRIQC's 68 T1w IQMs");
        assertEquals(68, defs.stream().map(IqmDefinition::key).distinct().count());
        defs.forEach(d -> assertFalse(d.definition().isBlank(), d.key() + " needs a definition"));
        assertEquals(Direction.HIGHER_IS_BETTER, direction(defs, "cnr"));
        assertEquals(Direction.LOWER_IS_BETTER, direction(defs, "efc"));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThrows(IllegalStateException.class, () -> IqmRegistry.of(List.of(new CnrFeature(), new CnrFeature())));
    }

    private static Direction direction(List<IqmDefinition> defs, String key) {
        return defs.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow().direction();
    }
}
