package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RsaOaepFilterTest {

    /** {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024}. */
    private static final String OPENSSL_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAMR5/qLnNHHFoBqI
            5sbbbhjwl4ByzJgKWU/W8WMvW/LSYqwXcqVSO+FYppOye2YqOPWZiPNNMWAQZhWr
            KYTsKGu3eMHDCnNMZNfoizrsfciVqNvMx6i2tY0dX/vyTVfmFGdLF21SrRs6uq7w
            bo3V+iOWfZJJ5BcotoGeVQrPZ3R5AgMBAAECgYB0Iaup/EEacnaE2KCXr8Guyh6y
            lKhrwcoyj9jUCH0v1Lzv/VgNccLlGrIzIM8hfxl1yc+SB/GEV40Ph8EdyTzGDAD4
            zSeuEgb4Y2dcpd66HTfO4vkhjmMKjgxMaE3wsXvm3Od2ZZpCQYnRsK1VTRgUhzO9
            ovQXAPpyeakh0JCgAQJBAPiGlN7silF/7p+Ex5EmjOfju+74NprETCnIf4LmgYC2
            wrgvsgwQlmdNA9VWmc6bcLDstBK1CPO16eRvTqsuzAECQQDKYq7AJjc3JShyzNzB
            xcvXNPZYevawV7wXG5IOA5oK9IytnYOjE1f5ZQrlLFxnPUZQf71LDtGV1F1OCIbD
            6Qh5AkAelWlCmbdX2jeCV/O7MBRNASCCgvctSpTY23ydnkI3lcYWpn/xriTkJ30e
            Rt78pvJSQ37RgofMfgl/fBchR8wBAkBWtgcnPnhjwSDeZtWilAts7j0p1a1CCqUE
            xYRDStnCHdr0O8t9oDkOGnObkvEYLpGkxcYllXjImA9N8qtC3uIJAkBTHQDcd1x+
            EUmQ7jTl893B7/SEcXP5nK9NzigBQ5P79EspXF45qS7FKnJN9JXN4rqXXM9oPnnO
            0KhVk+HqUgfm
            -----END PRIVATE KEY-----
            """;

    /**
     * {@code printf 'Sécret-42' | openssl pkeyutl -encrypt -pubin -inkey public.pem -pkeyopt rsa_padding_mode:oaep
     * -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256 | base64}.
     */
    private static final String OPENSSL_CIPHERTEXT = "bR+IQngXjc9xIpdo+JiZRMAo71hd2vO4H/FSVNjf/RhleAx5bFVvn86kRNpNjvSQ7J4E9u2YtaADMJ/RcF+68hkN"
            + "/ACXZLKd+1ZWYoQ/UQZx59chjHOhAtnTKbSTvbKsQ2fqLIoCwTgbuPKYCKXZo8YlS44r5kojGhZpmVF+H/k=";

    /** The same key in PKCS#1 form ({@code openssl rsa -traditional}), which Java's key factory does not read. */
    private static final String PKCS1_HEADER = "-----BEGIN RSA PRIVATE KEY-----\nMIICWwIBAAKBgQDEef6i5zRxxaAaiObG224Y8JeA\n-----END RSA PRIVATE KEY-----";

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static String publicPem;
    private static String privatePem;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static Object render(String source, Object value, String key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("value", value);
        variables.put("key", key);
        return ENGINE.compile(source).render(variables);
    }

    @Test
    void encryptsSoThatThePrivateKeyDecrypts() {
        String ciphertext = (String) render("{{ value | crypto_rsa_oaep('encrypt', key) }}", "Sécret-42", publicPem);

        assertThat(Base64.getDecoder().decode(ciphertext)).hasSize(256);
        assertThat(render("{{ value | crypto_rsa_oaep('decrypt', key) }}", ciphertext, privatePem)).isEqualTo("Sécret-42");
    }

    @Test
    void encryptsDifferentlyEachTime() {
        String template = "{{ value | crypto_rsa_oaep('encrypt', key) }}";

        assertThat(render(template, "x", publicPem)).isNotEqualTo(render(template, "x", publicPem));
    }

    @Test
    void decryptsWhatOpenSslEncryptedWithSha256Oaep() {
        assertThat(render("{{ value | crypto_rsa_oaep('decrypt', key) }}", OPENSSL_CIPHERTEXT, OPENSSL_PRIVATE_KEY)).isEqualTo("Sécret-42");
    }

    @Test
    void leavesNoneAlone() {
        assertThat(render("{{ value | crypto_rsa_oaep('encrypt', key) }}", null, publicPem)).isNull();
    }

    @Test
    void reportsWrongKeysAndValues() {
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('decrypt', key) }}", OPENSSL_CIPHERTEXT, privatePem))
                .hasMessageContaining("crypto_rsa_oaep: cannot decrypt: wrong key or corrupted value");
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('decrypt', key) }}", "not base64 !", privatePem))
                .hasMessageContaining("crypto_rsa_oaep: cannot decrypt: the value is not base64");
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('encrypt', key) }}", "x", privatePem))
                .hasMessageContaining("crypto_rsa_oaep: the key is not a PEM RSA public key");
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('decrypt', key) }}", OPENSSL_CIPHERTEXT, PKCS1_HEADER))
                .hasMessageContaining("crypto_rsa_oaep: the key is not a PEM RSA private key (PKCS#8 'PRIVATE KEY')");
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('sign', key) }}", "x", publicPem))
                .hasMessageContaining("crypto_rsa_oaep: the operation must be 'encrypt' or 'decrypt'");
        assertThatThrownBy(() -> render("{{ value | crypto_rsa_oaep('encrypt', key) }}", "x".repeat(300), publicPem))
                .hasMessageContaining("crypto_rsa_oaep: cannot encrypt");
    }
}
