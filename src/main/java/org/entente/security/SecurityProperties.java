package org.entente.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts ({@code entente.security.users}: user names with password hashes, never plain passwords, and
 * a role) and which other origins may call the API from a browser ({@code entente.security.cors-allowed-origins}).
 */
@ConfigurationProperties("entente.security")
public record SecurityProperties(List<Account> users, List<String> corsAllowedOrigins) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    /** True when at least one account may write. */
    public boolean hasEditor() {
        return users.stream().anyMatch(u -> u.role() == Role.EDITOR);
    }

    /** EDITOR may record facts and corrections; READER may only read (as anyone may). */
    public enum Role {
        EDITOR, READER
    }

    /** An account: a user name, a password hash such as {@code {bcrypt}$2a$10$...}, and a role (EDITOR by default). */
    public record Account(String username, String passwordHash, Role role) {
        public Account {
            role = role == null ? Role.EDITOR : role;
        }
    }
}
