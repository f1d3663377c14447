package org.neurocurate.learn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurocurate.learn.AtomicFiles;

/**
 * A training grid stored compactly: magic {@code NCGRID1}, nx, ny, nz (int32), offset and step
 * (float32), then nx·ny·nz int16 q (little-endian) with value = offset + step·q. The step is the
 * value range ÷ 65534, so the quantisation error is at most half a step (≈ 2·10⁻⁵ of the range)
 * and a file is half the size of float32.
 */
public final class GridFile {

    private static final String MAGIC = "NCGRID1";

    private GridFile() {
    }

    public static void write(Path file, FloatGrid g) throws IOException {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : g.data()) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float offset = (min + max) / 2;
        float step = max > min ? (max - min) / 65534f : 1f;
        ByteBuffer buf = ByteBuffer.allocate(2 * g.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : g.data()) {
            buf.putShort((short) Math.round((f - offset) / step));
        }
        AtomicFiles.write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeInt(g.nx());
            out.writeInt(g.ny());
            out.writeInt(g.nz());
            out.writeFloat(offset);
            out.writeFloat(step);
            out.write(buf.array());
        });
    }

    public static FloatGrid read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + ": not a NeuroCurate grid file");
            }
            int nx = in.readInt();
            int ny = in.readInt();
            int nz = in.readInt();
            if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz > Integer.MAX_VALUE / 2) {
                throw new IOException(file + ": bad grid size " + nx + "x" + ny + "x" + nz);
            }
            float offset = in.readFloat();
            float step = in.readFloat();
            byte[] bytes = new byte[2 * nx * ny * nz];
            in.readFully(bytes);
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[nx * ny * nz];
            for (int i = 0; i < data.length; i++) {
                data[i] = offset + step * buf.getShort();
            }
            return new FloatGrid(data, nx, ny, nz);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated grid file", e);
        }
    }
}
