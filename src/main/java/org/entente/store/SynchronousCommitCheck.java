package org.entente.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL database whose {@code synchronous_commit} is {@code off}: there, a commit is
 * acknowledged before it is on disk, so a server crash loses events that Axon has already reported as appended
 * (and projection rows whose tokens say they were written). {@code on}, {@code local}, {@code remote_write} and
 * {@code remote_apply} all wait for the local write-ahead log; the setting is left as the server has it.
 */
@Component
class SynchronousCommitCheck implements InitializingBean {

    private final DataSource dataSource;

    SynchronousCommitCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SHOW synchronous_commit")) {
                result.next();
                if ("off".equalsIgnoreCase(result.getString(1))) {
                    throw new IllegalStateException("PostgreSQL's synchronous_commit is off for database "
                            + connection.getCatalog() + ": a crash of the server would lose events already reported as"
                            + " stored. Turn it on (ALTER DATABASE " + connection.getCatalog()
                            + " SET synchronous_commit = on, or in postgresql.conf) and start again.");
                }
            }
        }
    }
}
