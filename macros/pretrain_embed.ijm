// Pretrains a 3D encoder on a scans table and embeds the scans with it.
// Usage (headless): ./neurocurate macro macros/pretrain_embed.ijm "/tmp/scans.tsv;/tmp/model;20"
// (the scans table comes from "NeuroCurate Index BIDS"; it needs path and age columns for y-Aware).
// Returns the number of embedding rows written.
args = split(getArgument(), ";");
if (args.length != 3) exit("usage: pretrain_embed.ijm needs \"SCANS.tsv;MODEL_FOLDER;STEPS\" as argument");
setBatchMode(true);
run("NeuroCurate Pretrain", "scans=[" + args[0] + "] model=[" + args[1] + "] objective=yaware steps=" + args[2]);
run("NeuroCurate Embed", "model=[" + args[1] + "] scans=[" + args[0] + "] output=[" + args[1] + "/embeddings.tsv]");
lines = split(File.openAsString(args[1] + "/embeddings.tsv"), "\n");
return "" + (lines.length - 1);
