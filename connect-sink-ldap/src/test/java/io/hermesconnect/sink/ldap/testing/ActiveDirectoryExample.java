package io.hermesconnect.sink.ldap.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.ldap.SambaAdServer;
import java.util.List;
import java.util.Map;

/** The Active Directory guide's example on a test's Samba DC, under an organizational unit of the test's own. */
public final class ActiveDirectoryExample {

    private ActiveDirectoryExample() {
    }

    /** Adds a new organizational unit with the example's containers, {@code OU=Staff} and {@code OU=Groups}; returns its DN. */
    public static String addOrganizationalUnit(LDAPConnection admin, SambaAdServer samba, String prefix) throws LDAPException {
        String baseDn = "OU=" + UniqueNames.of(prefix) + "," + samba.baseDn();
        for (String ou : List.of(baseDn, "OU=Staff," + baseDn, "OU=Groups," + baseDn)) {
            admin.add(ou, new Attribute("objectClass", "organizationalUnit"));
        }
        return baseDn;
    }

    /** The guide's example config, writing to {@code samba} at {@code url} under {@code baseDn}. */
    public static Map<String, String> config(SambaAdServer samba, String url, String baseDn) {
        Map<String, String> config = GuideExamples.firstExample(GuideExamples.AD_GUIDE);
        config.put("ldap.url", url);
        config.put("ldap.truststore.path", samba.trustStore().toString());
        config.put("ldap.truststore.password", samba.trustStorePassword());
        config.put("ldap.bind.dn", samba.bindDn());
        config.put("ldap.bind.password", samba.bindPassword());
        config.put("ldap.base.dn", baseDn);
        return config;
    }
}
