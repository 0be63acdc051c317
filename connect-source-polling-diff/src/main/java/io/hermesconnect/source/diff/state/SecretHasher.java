package io.hermesconnect.source.diff.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes secret values with HMAC-SHA256 under a key from the connector's config, so the state can tell a changed
 * secret from an unchanged one without holding it, and nobody who reads the state topic can test guesses without
 * the key. Thread-safe.
 *
 * <p>The hashed bytes are a canonical encoding of the normalized value that tells its kind apart, so that the text
 * {@code "1"} and the number {@code 1} hash differently, as they compare differently.
 */
public final class SecretHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param key the HMAC key, from a {@code PASSWORD} config; changing it makes every secret look changed once
     * @throws IllegalArgumentException when the key is empty
     */
    public SecretHasher(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("The secret hashing key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The digest of a normalized, present value. */
    public SecretDigest digest(Object value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new SecretDigest(Base64.getEncoder().encodeToString(mac.doFinal(canonicalBytes(value))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private static byte[] canonicalBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** Each value as its kind, its length and its content, so that no two values encode alike. */
    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeUTF("null");
        } else if (value instanceof ByteBuffer buffer) {
            byte[] content = new byte[buffer.remaining()];
            buffer.duplicate().get(content);
            writeChunk(out, "bytes", content);
        } else if (value instanceof List<?> list) {
            out.writeUTF("list");
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeUTF("map");
            out.writeInt(map.size());
            // equal maps hash alike whatever their order
            List<? extends Map.Entry<?, ?>> entries = map.entrySet().stream()
                    .sorted(Comparator.comparing(entry -> String.valueOf(entry.getKey()))).toList();
            for (Map.Entry<?, ?> entry : entries) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else {
            writeChunk(out, value.getClass().getName(), value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeChunk(DataOutputStream out, String kind, byte[] content) throws IOException {
        out.writeUTF(kind);
        out.writeInt(content.length);
        out.write(content);
    }
}
