package io.hermesconnect.source.diff.fetch.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a result code says the source refused, on an open connection and while connecting and binding. */
class LdapFailuresTest {

    private static final String SOURCE = "ldap://directory";

    @ParameterizedTest
    @CsvSource({
        "INVALID_CREDENTIALS, false, CREDENTIALS", "INAPPROPRIATE_AUTHENTICATION, false, CREDENTIALS",
        "SERVER_DOWN, true, CONNECTION", "CONNECT_ERROR, true, CONNECTION", "TIMEOUT, true, CONNECTION",
        "TIME_LIMIT_EXCEEDED, true, CONNECTION", "BUSY, true, CONNECTION", "UNAVAILABLE, true, CONNECTION",
        "NO_SUCH_OBJECT, false, SEARCH_BASE", "INVALID_DN_SYNTAX, false, SEARCH_BASE",
        "FILTER_ERROR, false, SEARCH_FILTER", "SIZE_LIMIT_EXCEEDED, false, QUERY",
        "INSUFFICIENT_ACCESS_RIGHTS, false, QUERY", "OTHER, false, QUERY"})
    void classifiesASearchFailureByItsResultCode(String codeName, boolean isTransient, Refused refused) {
        FetchException failure = LdapFailures.of(SOURCE, "the search", new LDAPException(code(codeName)));

        assertThat(failure.isTransient()).isEqualTo(isTransient);
        assertThat(failure.refused()).isEqualTo(refused);
        assertThat(failure.column()).isNull();
        assertThat(failure).hasMessageStartingWith("LDAP source ldap://directory: the search failed: ");
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID_CREDENTIALS, CREDENTIALS", "INAPPROPRIATE_AUTHENTICATION, CREDENTIALS", "CONNECT_ERROR, CONNECTION",
        "NO_SUCH_OBJECT, CONNECTION", "UNWILLING_TO_PERFORM, CONNECTION", "PROTOCOL_ERROR, CONNECTION"})
    void whileConnectingAnythingButTheCredentialsIsTheConnection(String codeName, Refused refused) {
        FetchException failure = LdapFailures.connecting(SOURCE, new LDAPException(code(codeName)));

        assertThat(failure.refused()).isEqualTo(refused);
        assertThat(failure).hasMessageStartingWith("LDAP source ldap://directory: connecting and binding failed: ");
    }

    @Test
    void aFailedTlsHandshakeIsTheConnectionAndNotTransient() {
        LDAPException e = new LDAPException(ResultCode.CONNECT_ERROR, "handshake",
                new SSLHandshakeException("PKIX path building failed"));

        FetchException failure = LdapFailures.connecting(SOURCE, e);

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.refused()).isEqualTo(Refused.CONNECTION);
        assertThat(failure).hasMessageContaining("the TLS handshake failed");
    }

    @Test
    void anUnknownAttributeIsItsColumnsType() {
        FetchException failure = LdapFailures.unknownAttribute(SOURCE, "shoeSize");

        assertThat(failure.refused()).isEqualTo(Refused.COLUMN_TYPE);
        assertThat(failure.column()).isEqualTo("shoeSize");
        assertThat(failure).hasMessage("LDAP source ldap://directory: attribute 'shoeSize' is not in the server's schema");
    }

    private static ResultCode code(String name) {
        try {
            return (ResultCode) ResultCode.class.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no result code " + name, e);
        }
    }
}
