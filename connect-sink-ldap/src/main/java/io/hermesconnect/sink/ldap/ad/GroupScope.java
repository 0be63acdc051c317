package io.hermesconnect.sink.ldap.ad;

/**
 * The scope of an Active Directory group, which with the security flag makes its {@code groupType}. A group added
 * without {@code groupType} is a global security group ({@code -2147483646}).
 */
public enum GroupScope {

    /** Members from its own domain; usable in the whole forest. */
    GLOBAL(0x2),
    /** Members from any domain; usable in its own domain only. */
    DOMAIN_LOCAL(0x4),
    /** Members from any domain; usable in the whole forest. */
    UNIVERSAL(0x8);

    public static final String ATTRIBUTE = "groupType";
    /** The group can be granted permissions (else it is a distribution list). */
    private static final int SECURITY_ENABLED = 0x80000000;

    private final int flag;

    GroupScope(int flag) {
        this.flag = flag;
    }

    /** The {@code groupType} value of a group of this scope, as AD writes it: a signed 32-bit integer. */
    public String groupType(boolean security) {
        return Integer.toString(security ? flag | SECURITY_ENABLED : flag);
    }
}
