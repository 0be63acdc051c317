package io.hermesconnect.sink.ldap.target;

import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.testkit.ldap.LdapServer;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The target against a real OpenLDAP slapd (core, cosine, inetorgperson and nis schemas). */
class OpenLdapTargetIT extends LdapTargetContract {

    private static OpenLdapServer slapd;

    @BeforeAll
    static void startSlapd() {
        slapd = OpenLdapServer.start();
    }

    @AfterAll
    static void stopSlapd() {
        slapd.close();
    }

    @Override
    LdapServer server() {
        return slapd;
    }

    @Test
    void aStoppedSlapdIsUnavailableAndTheSameEventAppliesOnceItIsBack() throws Exception {
        SinkEvent eve = Events.add("hr.users", fields("id", "5", "login", "eve", "first", "Eve", "last", "Ng", "emails", null,
                "notes", null));
        apply(Events.add("hr.users", bob()));
        slapd.stop();
        try {
            assertThatThrownBy(() -> target.add(eve, new StepProgress())).isInstanceOf(TargetUnavailableException.class);
        } finally {
            slapd.restart();
        }

        target.add(eve, new StepProgress());
        assertThat(entry("uid=eve," + PEOPLE).getAttributeValue("sn")).isEqualTo("Ng");
    }
}
