package io.hermesconnect.sink.ldap.target;

import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import io.hermesconnect.testkit.ldap.LdapServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The target against UnboundID's in-memory directory server. */
class InMemoryLdapTargetTest extends LdapTargetContract {

    private static final AtomicInteger MODIFY_REQUESTS = new AtomicInteger();
    private static final AtomicInteger SEARCH_REQUESTS = new AtomicInteger();
    private static final AtomicInteger ADD_REQUESTS = new AtomicInteger();
    private static InMemoryLdapServer server;

    @BeforeAll
    static void startServer() {
        server = InMemoryLdapServer.startWith(config -> config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
                MODIFY_REQUESTS.incrementAndGet();
            }

            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                SEARCH_REQUESTS.incrementAndGet();
            }

            @Override
            public void processAddRequest(InMemoryInterceptedAddRequest request) {
                ADD_REQUESTS.incrementAndGet();
            }
        }));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    LdapServer server() {
        return server;
    }

    @Test
    void valuesInAnotherOrderAndAReplayedEventSendNoModification() {
        apply(Events.add("hr.users", ann("ann", List.of("a@x.org", "b@x.org"))));
        int before = MODIFY_REQUESTS.get();

        apply(Events.modify("hr.users", ann("ann", List.of("a@x.org", "b@x.org")), ann("ann", List.of("b@x.org", "a@x.org"))),
                Events.add("hr.users", ann("ann", List.of("a@x.org", "b@x.org"))));

        assertThat(MODIFY_REQUESTS.get()).isEqualTo(before);
        apply(Events.modify("hr.users", ann("ann", List.of("a@x.org", "b@x.org")), ann("ann", List.of("b@x.org", "c@x.org"))));
        assertThat(MODIFY_REQUESTS.get()).isEqualTo(before + 1);
    }

    @Test
    void aCreateReadsNothingAndAMembershipOfRememberedEntriesSearchesNothing() {
        apply(Events.add("hr.groups", admins()));
        int searches = SEARCH_REQUESTS.get();
        int adds = ADD_REQUESTS.get();

        apply(Events.add("hr.users", ann("ann", null)));
        assertThat(SEARCH_REQUESTS.get() - searches).as("the look-up by employeeNumber only").isEqualTo(1);
        assertThat(ADD_REQUESTS.get() - adds).isEqualTo(1);

        int modifies = MODIFY_REQUESTS.get();
        apply(Events.add("hr.memberships", membership("1", "10")), Events.add("hr.memberships", membership("1", "10")));
        assertThat(SEARCH_REQUESTS.get() - searches).as("group and member are remembered").isEqualTo(1);
        assertThat(MODIFY_REQUESTS.get() - modifies).as("each: add the member, delete the placeholder").isEqualTo(4);
    }

    @Test
    void withTheCacheOffEveryMembershipSearchesItsGroupAndMember() {
        Map<String, String> props = HrKinds.config(server.url());
        props.put("ldap.lookup.cache.size", "0");
        LdapSinkConfig config = new LdapSinkConfig(props);
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.groups", admins()));
        try (LdapTarget uncached = LdapTarget.open(config)) {
            int searches = SEARCH_REQUESTS.get();
            uncached.add(Events.add("hr.memberships", membership("1", "10")), new StepProgress());
            uncached.add(Events.add("hr.memberships", membership("1", "10")), new StepProgress());
            assertThat(SEARCH_REQUESTS.get() - searches).isEqualTo(4);
        }
    }

    @Test
    void aDirectoryThatStoppedListeningIsUnavailableNotADataError() throws LDAPException {
        server.directory().shutDown("ldap", true);
        try {
            assertThatThrownBy(() -> target.add(Events.add("hr.users", fields("id", "5", "login", "eve", "first", "Eve",
                    "last", "Ng", "emails", null, "notes", null)), new StepProgress()))
                    .isInstanceOf(TargetUnavailableException.class);
        } finally {
            server.directory().startListening("ldap");
        }
    }
}
