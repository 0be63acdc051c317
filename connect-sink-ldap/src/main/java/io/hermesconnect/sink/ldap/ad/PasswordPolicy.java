package io.hermesconnect.sink.ldap.ad;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Random initial passwords for users whose event carries none: {@link #length()} characters drawn with a
 * {@link SecureRandom}, at least one of each {@link #requiredClasses() required class}, the others from all of
 * them. With three classes or more and at least 7 characters (the keys' minimums) a password meets AD's default
 * complexity rule, unless it happens to contain the account's name (about one chance in 6,000 for a three-letter
 * name in 16 characters, far less for longer names), which the domain controller refuses as a data error.
 */
public final class PasswordPolicy {

    private final int length;
    private final Set<CharacterClass> requiredClasses;
    private final String alphabet;
    private final SecureRandom random = new SecureRandom();

    /** A policy of {@code length} characters with each of {@code requiredClasses}. */
    public PasswordPolicy(int length, Set<CharacterClass> requiredClasses) {
        if (requiredClasses.isEmpty() || length < requiredClasses.size()) {
            throw new IllegalArgumentException("a password of " + length
                    + " characters cannot hold one of each of " + requiredClasses);
        }
        this.length = length;
        this.requiredClasses = Collections.unmodifiableSet(EnumSet.copyOf(requiredClasses));
        StringBuilder all = new StringBuilder();
        this.requiredClasses.forEach(c -> all.append(c.characters()));
        this.alphabet = all.toString();
    }

    public int length() {
        return length;
    }

    public Set<CharacterClass> requiredClasses() {
        return requiredClasses;
    }

    /** A new random password; never log it. */
    public String newPassword() {
        List<Character> chars = new ArrayList<>(length);
        for (CharacterClass c : requiredClasses) {
            chars.add(pick(c.characters()));
        }
        while (chars.size() < length) {
            chars.add(pick(alphabet));
        }
        Collections.shuffle(chars, random); // else the required characters would always lead
        StringBuilder password = new StringBuilder(length);
        chars.forEach(password::append);
        return password.toString();
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}
