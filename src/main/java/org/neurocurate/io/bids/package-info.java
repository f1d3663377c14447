/**
 * BIDS dataset index and metadata harmonisation: one or more BIDS datasets in, one scans table out.
 *
 * <p>Entry point for every face (command line, SciJava command, ImageJ 1 entry):
 * {@link org.neurocurate.io.bids.BidsIndex#index(BidsIndexConfig, org.neurocurate.progress.ProgressListener)}
 * with a {@link org.neurocurate.io.bids.BidsIndexConfig} (defaults in
 * {@link org.neurocurate.io.bids.BidsIndexConfig#of}), returning a
 * {@link org.neurocurate.io.bids.BidsIndexResult}; {@link org.neurocurate.io.bids.ScansTable} writes and
 * reads the table (column list documented there), {@link org.neurocurate.io.bids.ScanFilter} selects rows
 * for later stages. Harmonisation rules live in {@link org.neurocurate.io.bids.AgeHarmoniser},
 * {@link org.neurocurate.io.bids.CategoryHarmoniser}, {@link org.neurocurate.io.bids.ScannerHarmoniser}
 * and {@link org.neurocurate.io.bids.SiteKey}; every value keeps its raw source
 * ({@link org.neurocurate.io.bids.Harmonised}).
 *
 * <p>Reference: Gorgolewski et al., "The brain imaging data structure", Sci Data 3, 160044 (2016);
 * BIDS specification 1.9 (file names, tabular files, the inheritance principle).
 */
package org.neurocurate.io.bids;
