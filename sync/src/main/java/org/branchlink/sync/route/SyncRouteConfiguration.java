package org.branchlink.sync.route;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.branchlink.sync.SyncProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the sync routes share. */
@Configuration(proxyBeanMethods = false)
class SyncRouteConfiguration {

	/**
	 * The cluster's locks on dropped files ({@code #fileLocks}), rows of Camel's JDBC idempotent table in PostgreSQL
	 * (created by Flyway) under the name {@code sync-file-lock} ({@link FileLocks}). The file routes take a file with
	 * {@code readLock=idempotent-changed}: a node may begin a file only by inserting its lock row (the primary key lets
	 * one node of several in), and only once the file has stopped changing; the row is deleted after the file has been
	 * moved to {@code .done/} or {@code .failed/}. Camel's orphan-aware repository renews the rows of the files its
	 * node is ingesting every {@code file-lock-keep-alive}; a row older than {@code file-lock-max-age} belongs to a
	 * dead node and the next node to poll takes the file over. The database decides, not a marker file on the shared
	 * folder (not atomic on every network file system) nor a leader route (one node polling would make the others idle
	 * and add an election to a path that the database already serialises).
	 * <p>
	 * The age is measured on the nodes' clocks: they must keep time (NTP) and share a time zone.
	 */
	@Bean(initMethod = "start", destroyMethod = "shutdown")
	JdbcOrphanLockAwareIdempotentRepository fileLocks(DataSource dataSource, CamelContext camel, SyncProperties properties) {
		FileLocks locks = new FileLocks(dataSource, camel);
		locks.setCreateTableIfNotExists(false);
		locks.setLockMaxAgeMillis(properties.fileLockMaxAge().toMillis());
		locks.setLockKeepAliveIntervalMillis(properties.fileLockKeepAlive().toMillis());
		return locks;
	}

}
