package org.neurocurate.volume;

/**
 * The file header a {@link Volume} was read from, kept so that a writer can round-trip fields the
 * volume model does not carry (description, units, intent, transform codes). Implemented by the
 * readers of each format.
 */
public interface SourceHeader {

    /** The format name, e.g. "NIfTI-1". */
    String format();
}
