package io.hermesconnect.sink.ldap.ad;

/**
 * The character classes of Active Directory's password complexity rule, which wants characters of at least three
 * of them. The symbols are printable ASCII, so a password can be typed on any keyboard.
 */
public enum CharacterClass {

    LOWERCASE("abcdefghijklmnopqrstuvwxyz"),
    UPPERCASE("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    DIGIT("0123456789"),
    SYMBOL("!#$%&()*+,-./:;<=>?@[]^_{|}~");

    private final String characters;

    CharacterClass(String characters) {
        this.characters = characters;
    }

    /** The characters of this class. */
    public String characters() {
        return characters;
    }
}
