package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.plasticity.trainers.UserError;

/**
 * Keeps a second local sweep out of a sweep folder while one runs there ({@code .sweep.lock}, released by the
 * operating system when the process ends, however it ends).
 */
public final class SweepLock implements AutoCloseable {

    private final FileChannel channel;

    private SweepLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock of a sweep folder.
     *
     * @param sweepDir the sweep folder (it exists)
     * @return the lock; close it when done
     * @throws UserError when another process holds it
     */
    public static SweepLock acquire(Path sweepDir) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(sweepDir.resolve(".sweep.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserError("another plasticity sweep is running in " + sweepDir + "; wait for it, or see "
                        + "plasticity sweep status " + sweepDir);
            }
            return new SweepLock(channel);
        } catch (IOException e) {
            throw new UserError("cannot lock the sweep folder " + sweepDir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
