package io.emporium.platform.startup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.emporium.platform.StartupLock;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The start-up lock of a store on PostgreSQL: a session-level advisory lock held on one
 * connection for as long as the work runs. A node that dies while holding it loses its
 * session and with it the lock, so nobody waits for a dead node.
 */
final class AdvisoryStartupLock implements StartupLock {

	private final DataSource dataSource;

	AdvisoryStartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public <T extends @Nullable Object> T callLocked(String name, Supplier<T> work) {
		long key = key(name);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			call(connection, "select pg_advisory_lock(?)", key);
			try {
				return work.get();
			}
			finally {
				call(connection, "select pg_advisory_unlock(?)", key);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot take the start-up lock " + name, ex);
		}
	}

	private static void call(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			statement.execute();
		}
	}

	/**
	 * A stable 64-bit key per name, so other applications' advisory locks never clash.
	 */
	static long key(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("emporium-startup:" + name).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
