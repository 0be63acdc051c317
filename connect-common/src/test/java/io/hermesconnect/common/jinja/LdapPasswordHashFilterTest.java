package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.jinja.LdapPasswordHashFilter.Scheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LdapPasswordHashFilterTest {

    private static final String PASSWORD = "pässword";

    @ParameterizedTest
    @CsvSource(textBlock = """
            SSHA,    SHA-1,   true
            SSHA256, SHA-256, true
            SSHA384, SHA-384, true
            SSHA512, SHA-512, true
            SMD5,    MD5,     true
            SHA,     SHA-1,   false
            SHA256,  SHA-256, false
            SHA384,  SHA-384, false
            SHA512,  SHA-512, false
            MD5,     MD5,     false
            """)
    void hashesAsOpenLdapExpects(String scheme, String digest, boolean salted) throws Exception {
        String hashed = (String) Render.withValue("{{ value | ldap_password_hash('" + scheme.toLowerCase() + "') }}", PASSWORD);

        assertThat(hashed).startsWith("{" + scheme + "}");
        byte[] decoded = Base64.getDecoder().decode(hashed.substring(scheme.length() + 2));
        int digestLength = MessageDigest.getInstance(digest).getDigestLength();
        assertThat(decoded).hasSize(digestLength + (salted ? 8 : 0));
        byte[] salt = Arrays.copyOfRange(decoded, digestLength, decoded.length);
        MessageDigest recomputed = MessageDigest.getInstance(digest);
        recomputed.update(PASSWORD.getBytes(StandardCharsets.UTF_8));
        recomputed.update(salt);
        assertThat(Arrays.copyOf(decoded, digestLength)).isEqualTo(recomputed.digest());
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"SSHA", "SSHA256", "SSHA384", "SSHA512", "SMD5"})
    void saltsEachHashAfresh(Scheme scheme) {
        String template = "{{ value | ldap_password_hash('" + scheme + "') }}";

        assertThat(Render.withValue(template, PASSWORD)).isNotEqualTo(Render.withValue(template, PASSWORD));
    }

    @Test
    void reproducesHashesMadeByOpenLdapAndCoreutils() {
        // slappasswd -h '{SSHA}' -s secret (slappasswd salts with 4 bytes, which verifiers accept)
        String fromSlappasswd = "{SSHA}jAppWAA3DNjwYqAPbdqT27AVnSqsTf++";
        byte[] slappasswdSalt = Arrays.copyOfRange(Base64.getDecoder().decode(fromSlappasswd.substring(6)), 20, 24);
        assertThat(LdapPasswordHashFilter.hash(Scheme.SSHA, "secret", slappasswdSalt)).isEqualTo(fromSlappasswd);

        // (printf 'secret12345678' | sha512sum | xxd -r -p; printf '12345678') | base64
        assertThat(LdapPasswordHashFilter.hash(Scheme.SSHA512, "secret", "12345678".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("{SSHA512}iWwx8naQWtJKIoYOgnIUnOjDVRc/KB/avnmg7rvibFhiLlylVmd8s/TomzyGqQwBOpJzU5z2YBupYIJWW8egvDEyMzQ1Njc4");
        // printf secret | sha1sum | xxd -r -p | base64
        assertThat(LdapPasswordHashFilter.hash(Scheme.SHA, "secret", new byte[0])).isEqualTo("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=");
    }

    @Test
    void leavesNoneAlone() {
        assertThat(Render.withValue("{{ value | ldap_password_hash('SSHA') }}", null)).isNull();
    }

    @Test
    void rejectsUnknownSchemes() {
        assertThatThrownBy(() -> Render.withValue("{{ value | ldap_password_hash('CRYPT') }}", PASSWORD))
                .hasMessageContaining("ldap_password_hash: unknown scheme, expected one of SSHA, SSHA256");
    }

    /** Unicode case rules would read these as SSHA, SHA and SHA256: only ASCII letters name a scheme. */
    @ParameterizedTest
    @ValueSource(strings = {"ßha", "ſha", "ſha256", "ＳＳＨＡ"})
    void rejectsNamesThatOnlyUnicodeCaseFoldingTurnsIntoSchemes(String scheme) {
        assertThatThrownBy(() -> Render.withValue("{{ value | ldap_password_hash('" + scheme + "') }}", PASSWORD))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("ldap_password_hash: unknown scheme");
    }

    @Test
    void acceptsSchemeNamesInAnyAsciiCase() {
        assertThat((String) Render.withValue("{{ value | ldap_password_hash('sSha') }}", PASSWORD)).startsWith("{SSHA}");
    }
}
