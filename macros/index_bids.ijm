// Indexes a BIDS dataset with NeuroCurate and reports its T1w scans with their harmonised age.
// Usage (headless): ./neurocurate macro macros/index_bids.ijm "/data/ds000001;/tmp/scans.tsv"
// Returns "rows,mean_age,first_participant".
args = split(getArgument(), ";");
if (args.length != 2) exit("usage: index_bids.ijm needs \"DATASET;OUTPUT.tsv\" as argument");
run("NeuroCurate Index BIDS", "datasets=[" + args[0] + "] output=[" + args[1] + "] where=[modality=T1w]");
sum = 0; n = 0;
for (i = 0; i < nResults; i++) {
    age = getResult("age", i);
    if (!isNaN(age)) { sum += age; n++; }
}
mean = NaN;
if (n > 0) mean = sum / n;
first = "";
if (nResults > 0) first = getResultString("participant_id", 0);
result = "" + nResults + "," + d2s(mean, 3) + "," + first;
print("NeuroCurate indexed " + args[0] + ": " + result);
return result;
