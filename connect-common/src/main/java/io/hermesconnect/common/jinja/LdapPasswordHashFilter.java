package io.hermesconnect.common.jinja;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code password | ldap_password_hash(scheme)}: a {@code userPassword} value as OpenLDAP stores it,
 * {@code {SCHEME}base64(digest + salt)}. Salted schemes ({@code SSHA}, {@code SSHA256}, {@code SSHA384},
 * {@code SSHA512}, {@code SMD5}) hash the UTF-8 password followed by a fresh random 8-byte salt;
 * {@code SHA}, {@code SHA256}, {@code SHA384}, {@code SHA512} and {@code MD5} hash the password alone.
 * The SHA-2 schemes need OpenLDAP's {@code pw-sha2} module. Scheme names are matched in any ASCII case
 * ({@code 'ssha'}); anything else fails. None gives none.
 */
final class LdapPasswordHashFilter extends OwnFilter {

    private static final int SALT_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The schemes, named as OpenLDAP names them. */
    enum Scheme {
        SSHA("SHA-1", true), SSHA256("SHA-256", true), SSHA384("SHA-384", true), SSHA512("SHA-512", true),
        SHA("SHA-1", false), SHA256("SHA-256", false), SHA384("SHA-384", false), SHA512("SHA-512", false),
        SMD5("MD5", true), MD5("MD5", false);

        final String digest;
        final boolean salted;

        Scheme(String digest, boolean salted) {
            this.digest = digest;
            this.salted = salted;
        }
    }

    LdapPasswordHashFilter() {
        super("ldap_password_hash");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        Scheme scheme = scheme(requiredString(args, kwargs, 0, "scheme"));
        if (value == null) {
            return null;
        }
        byte[] salt = new byte[scheme.salted ? SALT_LENGTH : 0];
        RANDOM.nextBytes(salt);
        return hash(scheme, value.toString(), salt);
    }

    /** {@code {SCHEME}base64(digest(password + salt) + salt)}; an empty salt for unsalted schemes. */
    static String hash(Scheme scheme, String password, byte[] salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance(scheme.digest);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            digest.update(salt);
            byte[] hashed = digest.digest();
            byte[] hashAndSalt = Arrays.copyOf(hashed, hashed.length + salt.length);
            System.arraycopy(salt, 0, hashAndSalt, hashed.length, salt.length);
            return "{" + scheme.name() + "}" + Base64.getEncoder().encodeToString(hashAndSalt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + scheme.digest, e);
        }
    }

    /**
     * The scheme named, in any case of ASCII letters only: Unicode case rules would take other names for
     * scheme names ({@code 'ßha'} upper-cases to {@code SSHA}, {@code 'ſha'} to {@code SHA}).
     */
    private Scheme scheme(String name) {
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        return Arrays.stream(Scheme.values())
                .filter(scheme -> ascii && scheme.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> problem("unknown scheme, expected one of "
                        + Arrays.stream(Scheme.values()).map(Scheme::name).collect(Collectors.joining(", "))));
    }
}
