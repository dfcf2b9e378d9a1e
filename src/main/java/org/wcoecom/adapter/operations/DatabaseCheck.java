package org.wcoecom.adapter.operations;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready when the database answers (a pooled connection that validates within two seconds). */
public final class DatabaseCheck extends AbstractHealthCheck {

    private final DataSource db;

    public DatabaseCheck(DataSource db) {
        super("adapter", "database");
        this.db = db;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = db.getConnection()) {
            if (c.isValid(2)) {
                builder.up();
            } else {
                builder.message("the database did not answer within 2 s").down();
            }
        } catch (Exception e) {
            builder.message("the database cannot be reached: " + e.getMessage()).error(e).down();
        }
    }
}
