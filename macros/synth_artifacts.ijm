// Generates a tiny synthetic cohort, opens one scan and adds a ghosting artifact to it.
// Usage (headless): ./neurocurate macro macros/synth_artifacts.ijm /tmp/cohort
// Returns "open_images,mean_slice_sd_before,mean_slice_sd_after" (noise raises the SD).
out = getArgument();
if (out == "") exit("usage: synth_artifacts.ijm needs an output folder as argument");
setBatchMode(true);
run("NeuroCurate Synthetic Cohort", "output=[" + out + "] subjects=2 seed=7 sites=1 artifact_rate=0 grid=4");
run("NeuroCurate Open NIfTI", "path=[" + out + "/sub-001/anat/sub-001_T1w.nii.gz]");
before = meanSliceSd();
run("NeuroCurate Simulate Artifact", "artifact=noise_gaussian severity=0.8 seed=3");
after = meanSliceSd();
return "" + nImages + "," + d2s(before, 4) + "," + d2s(after, 4);

function meanSliceSd() {
    sum = 0;
    for (z = 1; z <= nSlices; z++) {
        setSlice(z);
        getStatistics(area, mean, min, max, sd);
        sum += sd;
    }
    return sum / nSlices;
}
