package org.neurocurate.synth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import net.imglib2.img.array.ArrayImgs;
import org.neurocurate.volume.Volume;

/**
 * One generated subject in memory: its parameters, the ground-truth label map, the tissue volumes and
 * the clean (noise-, bias- and artifact-free) image of each requested contrast, all on the site's
 * {@link ScanGrid}. Volumes returned here wrap the subject's arrays: treat them as read-only.
 */
public final class SyntheticSubject {

    private final SubjectParams params;
    private final Site site;
    private final ScanGrid grid;
    private final byte[] labels;
    private final Map<Contrast, float[]> images;
    private final double[] tissueMl;

    SyntheticSubject(SubjectParams params, Site site, ScanGrid grid, byte[] labels, Map<Contrast, float[]> images,
            double[] tissueMl) {
        this.params = params;
        this.site = site;
        this.grid = grid;
        this.labels = labels;
        this.images = Collections.unmodifiableMap(new EnumMap<>(images));
        this.tissueMl = tissueMl.clone();
    }

    public SubjectParams params() {
        return params;
    }

    public Site site() {
        return site;
    }

    public ScanGrid grid() {
        return grid;
    }

    /** The contrasts generated. */
    public Set<Contrast> contrasts() {
        return images.keySet();
    }

    /** The ground-truth label map (uint8, values {@link Tissue#label()}), the argmax of the partial volumes. */
    public Volume labels() {
        return Volume.of(ArrayImgs.unsignedBytes(labels, grid.dimensions()), grid.affine());
    }

    /** The clean image of a contrast, in the site's intensity units. */
    public Volume image(Contrast c) {
        float[] a = images.get(c);
        if (a == null) {
            throw new IllegalArgumentException("contrast " + c.suffix() + " was not generated for " + params.participantId());
        }
        return Volume.ofFloats(a, grid.dimensions(), grid.affine());
    }

    /** Label of voxel v (flat index, i fastest). */
    public Tissue tissueAt(int v) {
        return Tissue.ofLabel(labels[v]);
    }

    /** Partial-volume tissue volume, ml. */
    public double volumeMl(Tissue t) {
        return tissueMl[t.label()];
    }

    /** Intracranial volume (all intracranial classes), ml. */
    public double intracranialMl() {
        double s = 0;
        for (Tissue t : Tissue.values()) {
            s += t.intracranial() ? tissueMl[t.label()] : 0;
        }
        return s;
    }

    /** True for voxels labelled as an intracranial class (the mask a skull-stripping site keeps). */
    public boolean[] intracranialMask() {
        boolean[] m = new boolean[labels.length];
        for (int v = 0; v < labels.length; v++) {
            m[v] = Tissue.ofLabel(labels[v]).intracranial();
        }
        return m;
    }
}
