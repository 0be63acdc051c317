package io.hermesconnect.common.jinja;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA-OAEP encryption of secrets:
 * <ul>
 *   <li>{@code value | crypto_rsa_oaep('encrypt', publicKeyPem)}: base64 of the ciphertext of the UTF-8 value;
 *   <li>{@code value | crypto_rsa_oaep('decrypt', privateKeyPem)}: the plaintext of a base64 ciphertext.
 * </ul>
 * Keys are PEM: an X.509 {@code PUBLIC KEY} or a PKCS#8 {@code PRIVATE KEY} ({@code openssl pkcs8 -topk8}
 * converts a PKCS#1 {@code RSA PRIVATE KEY}). Padding is OAEP with SHA-256 for both the digest and MGF1,
 * as OpenSSL's {@code -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256} and Python's
 * {@code OAEP(MGF1(SHA256()), SHA256())}; Java's {@code OAEPWithSHA-256AndMGF1Padding} alone would use
 * SHA-1 for MGF1. None gives none.
 */
final class RsaOaepFilter extends OwnFilter {

    private static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final LruCache<String, Key> publicKeys = new LruCache<>(16);
    private final LruCache<String, Key> privateKeys = new LruCache<>(16);

    RsaOaepFilter() {
        super("crypto_rsa_oaep");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        String operation = requiredString(args, kwargs, 0, "operation");
        String pem = requiredString(args, kwargs, 1, "key");
        return switch (operation) {
            case "encrypt" -> value == null ? null : encrypt(value.toString(), publicKeys.get(pem, this::publicKey));
            case "decrypt" -> value == null ? null : decrypt(value.toString(), privateKeys.get(pem, this::privateKey));
            default -> throw problem("the operation must be 'encrypt' or 'decrypt'");
        };
    }

    private String encrypt(String plaintext, Key key) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, OAEP_SHA256);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw problem("cannot encrypt: " + e.getClass().getSimpleName() + " (is the value longer than the key allows?)");
        }
    }

    private String decrypt(String ciphertext, Key key) {
        byte[] encrypted;
        try {
            encrypted = Base64.getMimeDecoder().decode(ciphertext);
        } catch (IllegalArgumentException notBase64) {
            throw problem("cannot decrypt: the value is not base64");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, OAEP_SHA256);
            return new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw problem("cannot decrypt: wrong key or corrupted value");
        }
    }

    private Key publicKey(String pem) {
        return readKey(pem, (rsa, der) -> rsa.generatePublic(new X509EncodedKeySpec(der)), "public key (X.509 'PUBLIC KEY')");
    }

    private Key privateKey(String pem) {
        return readKey(pem, (rsa, der) -> rsa.generatePrivate(new PKCS8EncodedKeySpec(der)), "private key (PKCS#8 'PRIVATE KEY')");
    }

    @FunctionalInterface
    private interface KeyReader {
        Key read(KeyFactory rsa, byte[] der) throws GeneralSecurityException;
    }

    private Key readKey(String pem, KeyReader reader, String expected) {
        try {
            return reader.read(KeyFactory.getInstance("RSA"), pemBody(pem));
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw problem("the key is not a PEM RSA " + expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /** The DER bytes between the PEM armour lines (the armour is optional). */
    private static byte[] pemBody(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
