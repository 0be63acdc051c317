package io.hermesconnect.sink.ldap;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.sink.ChangeEventSinkTask;
import io.hermesconnect.common.sink.SinkTarget;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.target.LdapTarget;
import java.util.Map;

/** Applies change events to the directory through the sink core; the target is the {@link LdapTarget}. */
public final class LdapSinkTask extends ChangeEventSinkTask {

    @Override
    public String version() {
        return Version.get();
    }

    /** The directory's target; a directory that is down when the task starts is retried like one that goes down later. */
    @Override
    protected SinkTarget openTarget(Map<String, String> props) {
        LdapSinkConfig config = new LdapSinkConfig(props);
        return LdapTarget.open(config);
    }
}
