package org.neurocurate.learn.train;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.NDManager;
import org.neurocurate.learn.AtomicFiles;
import org.neurocurate.learn.model.EncoderNetwork;

/**
 * {@code DIR/checkpoint.bin}: the step reached, the network's parameters (batch-norm statistics
 * included) and the optimiser state, written atomically so a kill leaves the previous checkpoint
 * intact. With the batch of every step a function of (seed, step), this is all a resumed run needs
 * to continue exactly as an uninterrupted one.
 */
public final class Checkpoint {

    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "neurocurate-checkpoint/1";

    private Checkpoint() {
    }

    public static void write(Path dir, long step, EncoderNetwork network, ParameterUpdater updater)
            throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        try (DataOutputStream p = new DataOutputStream(params)) {
            network.saveParameters(p);
        }
        AtomicFiles.write(dir.resolve(FILE), out -> {
            out.writeUTF(MAGIC);
            out.writeLong(step);
            out.writeInt(params.size());
            params.writeTo(out);
            updater.save(out);
        });
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Restores network and optimiser from {@code dir}'s checkpoint and returns its step. */
    public static long read(Path dir, EncoderNetwork network, ParameterUpdater updater, NDManager manager)
            throws IOException {
        Path file = dir.resolve(FILE);
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + ": not a NeuroCurate checkpoint");
            }
            long step = in.readLong();
            byte[] params = new byte[in.readInt()];
            in.readFully(params);
            network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(params)));
            updater.load(in);
            return step;
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new IOException(file + ": truncated or corrupt checkpoint", e);
        }
    }
}
