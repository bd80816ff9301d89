package org.branchlink.sync.route;

import java.sql.Timestamp;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The cluster's locks on dropped files: Camel's orphan-aware JDBC repository (a row per file being ingested, renewed
 * while its node works, an orphan once older than the maximum age), with three gaps closed.
 * <ul>
 * <li>Camel's {@code add} looks for a live row, then in a second statement inserts or — when a row is there — takes
 * it over: a node whose insert commits between the two would lose its lock, and two nodes could take over one orphan
 * together. Here each file's check-and-take holds a PostgreSQL advisory lock for its transaction, so the nodes decide
 * one after the other.</li>
 * <li>Camel renews only the rows it inserted, not one it took over: here an orphan is deleted before the take, so the
 * new owner inserts its row afresh.</li>
 * <li>Camel 4.22's {@code readLock=idempotent-changed} removes the key when it aborts a file — also when the lock was
 * another node's and this node only failed to get it. Here a node deletes only the rows it inserted.</li>
 * </ul>
 */
class FileLocks extends JdbcOrphanLockAwareIdempotentRepository {

	static final String NAME = "sync-file-lock";

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	FileLocks(DataSource dataSource, CamelContext camel) {
		super(dataSource, NAME, camel);
	}

	/** Within {@code add}'s transaction: one node at a time per file; a dead node's row gone; the live rows counted. */
	@Override
	protected int queryForInt(String key) {
		jdbcTemplate.query("select pg_advisory_xact_lock(hashtext(?), hashtext(?))", rs -> null, processorName, key);
		jdbcTemplate.update("delete from camel_messageprocessed where processorname = ? and messageid = ? and createdat < ?",
				processorName, key, new Timestamp(System.currentTimeMillis() - getLockMaxAgeMillis()));
		return super.queryForInt(key);
	}

	@Override
	protected int insert(String key) {
		int inserted = super.insert(key);
		held.add(key);
		return inserted;
	}

	@Override
	protected int delete(String key) {
		return held.remove(key) ? super.delete(key) : 0;
	}

}
