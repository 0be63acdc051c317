package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** One start or stop at a time per state folder: an OS file lock on {@code .lock}, gone with the process. */
final class StateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to {@code timeout} for another command to release it. */
    static StateLock acquire(QuickstartPaths paths, Duration timeout, String busyMessage) {
        try {
            Files.createDirectories(paths.state());
            FileChannel channel = FileChannel.open(paths.state().resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null && !timeout.isZero()) {
                    lock = Wait.until("the lock of " + paths.state(), timeout, () -> tryLock(channel),
                            l -> l != null);
                }
                if (lock == null) {
                    throw new QuickstartException(busyMessage);
                }
                return new StateLock(channel, lock);
            } catch (AssertionError e) {
                channel.close();
                throw new QuickstartException(busyMessage);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + paths.state(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the quickstart's lock", e);
        }
    }
}
