/**
 * What the LDAP sink does differently when the directory is Active Directory (HERMES.md section 2, "The Active
 * Directory client"): standalone pieces over UnboundID's {@code LDAPInterface} / {@code LDAPConnection}, each
 * tested against a real Samba domain controller, that the LDAP target calls with {@code ldap.directory=active_directory}
 * (its {@code ActiveDirectoryEntries} and {@code ActiveDirectoryMemberValues}).
 *
 * <p>The calls, per operation:
 * <ul>
 *   <li><b>Config</b>: the sink's config adds the {@code ad.*} keys with
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryConfig#define} and builds one
 *       {@link io.hermesconnect.sink.ldap.ad.PasswordPolicy} with
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryConfig#passwordPolicy}.</li>
 *   <li><b>Add an account</b>: {@link io.hermesconnect.sink.ldap.ad.AccountNames#check} on the entry to add; the
 *       password is the event's, else {@code policy.newPassword()}; before sending it,
 *       {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#requireProtected} on the connection that will send it, then
 *       add the entry disabled with {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#attribute}, and enable it in a
 *       second step ({@link io.hermesconnect.sink.ldap.ad.UserAccountControl#withEnabled}).</li>
 *   <li><b>Change a password</b>: {@code requireProtected}, then modify with
 *       {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#replace}. Never compare or read back {@code unicodePwd}: AD
 *       never returns it.</li>
 *   <li><b>Enable or disable</b>: {@link io.hermesconnect.sink.ldap.ad.UserAccountControl#withEnabled} on the flags
 *       read from the entry, keeping the others.</li>
 *   <li><b>Trashbin</b> (on AD in place, instead of the generic trash container, so that an account keeps its SID,
 *       password and memberships): {@code trash} is {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#trash}
 *       (disables an account, marks any entry with the object's kind and key), an add of a trashed entry
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#recycle}s it, {@code trashedBefore} maps
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#trashedBefore} to the kinds' objects, and
 *       {@code purge} is {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#purge}.</li>
 *   <li><b>Memberships</b>: one (member, group) object is {@link io.hermesconnect.sink.ldap.ad.GroupMembers#add} /
 *       {@link io.hermesconnect.sink.ldap.ad.GroupMembers#remove}; a whole member list is
 *       {@link io.hermesconnect.sink.ldap.ad.GroupMembers#update} (reads all members range by range, writes the
 *       difference in batches); a group's {@code groupType} is mapped, its values given by
 *       {@link io.hermesconnect.sink.ldap.ad.GroupScope}.</li>
 *   <li><b>Searches that may find many entries</b> (the trashbin's purge, and on every directory the member rewrites
 *       after a rename): {@link io.hermesconnect.sink.ldap.ad.PagedSearch#forEach} on one connection.</li>
 *   <li><b>Every {@code LDAPException}</b>: {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryErrors#toSinkException},
 *       which never quotes AD's diagnostic message, since it holds values.</li>
 * </ul>
 */
package io.hermesconnect.sink.ldap.ad;
