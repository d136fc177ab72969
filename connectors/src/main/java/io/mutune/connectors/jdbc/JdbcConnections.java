package io.mutune.connectors.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to a {@link JdbcTarget}; errors name the URL (which holds no password), never the password. */
public final class JdbcConnections {
    private final JdbcTarget target;
    private final JdbcPassword password;

    public JdbcConnections(JdbcTarget target, JdbcPassword password) {
        this.target = target;
        this.password = password;
    }

    public Connection open() {
        Properties props = new Properties();
        password.secret().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "mutune");
        try {
            return DriverManager.getConnection(target.driverUrl(), props);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + target.driverUrl() + ": " + e.getMessage(), e);
        }
    }

    public JdbcTarget target() {
        return target;
    }

    /** Wraps a failed statement's error with the table it was working on. */
    public IllegalStateException failure(String doing, SQLException e) {
        return new IllegalStateException(doing + " " + target + " failed: " + e.getMessage(), e);
    }
}
