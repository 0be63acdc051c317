/**
 * What the LDAP sink does differently when the directory is Active Directory (HERMES.md section 2, "The Active
 * Directory client"): standalone pieces over UnboundID's {@code LDAPInterface} / {@code LDAPConnection}, each
 * tested against a real Samba domain controller, that the LDAP target calls.
 *
 * <p>Intended calls from the target, per operation:
 * <ul>
 *   <li><b>Config</b>: the sink's config adds the {@code ad.*} keys with
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryConfig#define} and builds one
 *       {@link io.hermesconnect.sink.ldap.ad.PasswordPolicy} with
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryConfig#passwordPolicy}.</li>
 *   <li><b>Add a user</b>: {@link io.hermesconnect.sink.ldap.ad.AccountNames#check} on the entry to add; the
 *       password is the event's, else {@code policy.newPassword()}; before sending it,
 *       {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#requireProtected} on the connection that will send it, then
 *       add the entry with {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#attribute} and
 *       {@code userAccountControl} = {@link io.hermesconnect.sink.ldap.ad.UserAccountControl#NEW_USER}.</li>
 *   <li><b>Change a password</b>: {@code requireProtected}, then modify with
 *       {@link io.hermesconnect.sink.ldap.ad.UnicodePwd#replace}. Never compare or read back {@code unicodePwd}: AD
 *       never returns it.</li>
 *   <li><b>Trashbin</b> (on AD in place, instead of the generic trash container, so that an account keeps its SID,
 *       password and memberships): {@code trash} is {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#trash}
 *       (disables an account, marks any entry), an add of a trashed entry first
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#recycle}s it (check with
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#trashedAt}), {@code trashedBefore} maps
 *       {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash#trashedBefore} to the kinds' objects, and
 *       {@code purge} deletes the entry if it is still marked.</li>
 *   <li><b>Memberships</b>: one (user, group) object is {@link io.hermesconnect.sink.ldap.ad.GroupMembers#add} /
 *       {@link io.hermesconnect.sink.ldap.ad.GroupMembers#remove}; a whole member list is
 *       {@link io.hermesconnect.sink.ldap.ad.GroupMembers#update} (reads all members range by range, writes the
 *       difference in batches); a group's {@code groupType} from
 *       {@link io.hermesconnect.sink.ldap.ad.GroupScope}.</li>
 *   <li><b>Searches that may find many entries</b> (member rewrites after a rename, the trashbin's purge):
 *       {@link io.hermesconnect.sink.ldap.ad.PagedSearch#forEach} on one connection.</li>
 *   <li><b>Every {@code LDAPException}</b>: {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryErrors#toSinkException}
 *       (or {@link io.hermesconnect.sink.ldap.ad.ActiveDirectoryErrors#classify} where the target decides itself),
 *       which never quotes AD's diagnostic message, since it holds values.</li>
 * </ul>
 */
package io.hermesconnect.sink.ldap.ad;
