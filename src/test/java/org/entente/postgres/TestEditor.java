package org.entente.postgres;

/** The editor account of the PostgreSQL tests (the same account as ApplicationTest's): admin POSTs need it. */
final class TestEditor {

    static final String USERNAME = "editor";
    static final String PASSWORD = "editor-password";
    static final String USERNAME_PROPERTY = "entente.security.users[0].username=" + USERNAME;
    static final String PASSWORD_HASH_PROPERTY =
            "entente.security.users[0].password-hash={bcrypt}$2a$10$e1aYtkSgwO3yXoLs0mhrCevfH1Q0t7/oqAmglvN1EF8yDmC9VusOC";

    private TestEditor() {
    }
}
