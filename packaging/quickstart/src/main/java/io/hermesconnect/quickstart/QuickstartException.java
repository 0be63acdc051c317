package io.hermesconnect.quickstart;

import java.nio.file.Path;
import java.util.Optional;

/** Why a quickstart command cannot go on, with the log that tells more when there is one. */
final class QuickstartException extends RuntimeException {

    private final transient Path log;

    QuickstartException(String message) {
        this(message, null, null);
    }

    QuickstartException(String message, Path log) {
        this(message, log, null);
    }

    QuickstartException(String message, Path log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    Optional<Path> log() {
        return Optional.ofNullable(log);
    }
}
