// Opens a NIfTI volume through NeuroCurate and reports its geometry and mean intensity.
// Usage (headless): ./neurocurate macro macros/open_nifti.ijm /path/to/scan.nii.gz
// Returns "width,height,slices,voxel_width_mm,voxel_depth_mm,mean".
path = getArgument();
if (path == "") exit("usage: open_nifti.ijm needs the path of a .nii or .nii.gz file as argument");
setBatchMode(true);
run("NeuroCurate Open NIfTI", "path=[" + path + "]");
getVoxelSize(vw, vh, vd, unit);
sum = 0;
for (z = 1; z <= nSlices; z++) {
    setSlice(z);
    getStatistics(area, mean);
    sum += mean;
}
result = "" + getWidth() + "," + getHeight() + "," + nSlices + "," + d2s(vw, 4) + "," + d2s(vd, 4) + "," + d2s(sum / nSlices, 6);
print("NeuroCurate opened " + getTitle() + ": " + result + " (" + unit + ")");
close();
return result;
