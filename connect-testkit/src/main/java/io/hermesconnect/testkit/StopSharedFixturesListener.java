package io.hermesconnect.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Registered through {@code META-INF/services}: stops the shared servers when the JUnit run ends. */
public final class StopSharedFixturesListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedFixtures.stopAll();
    }
}
