// Quality control of a NIfTI file, a folder or a BIDS dataset with NeuroCurate.
// Usage (headless): ./neurocurate macro macros/quality_control.ijm "/data/ds;/tmp/qc-out"
// Returns "scans,failed,tiers" with the tier of every assessed scan, e.g. "3,1,5 4 5".
args = split(getArgument(), ";");
if (args.length != 2) exit("usage: quality_control.ijm needs \"INPUT;OUTPUT_FOLDER\" as argument");
run("NeuroCurate Quality Control", "input=[" + args[0] + "] output=[" + args[1] + "]");
failed = 0;
tiers = "";
for (i = 0; i < nResults; i++) {
    if (getResultString("qc_error", i) != "") failed++;
    else tiers = tiers + " " + getResult("tier", i);
    print(getResultString("bids_name", i) + ": tier " + getResultString("tier", i) + " - " + getResultString("tier_reason", i));
}
return "" + nResults + "," + failed + "," + String.trim(tiers);
