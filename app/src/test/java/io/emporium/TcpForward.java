package io.emporium;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that comes and goes: while open, connections to a local port are forwarded to
 * the real service; closing it drops every connection and refuses new ones.
 */
public final class TcpForward implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private TcpForward(int port, int target) throws IOException {
		this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(() -> accept(target));
	}

	public static TcpForward open(int port, int target) {
		try {
			return new TcpForward(port, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(int target) {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket service = new Socket(InetAddress.getLoopbackAddress(), target);
				this.sockets.add(client);
				this.sockets.add(service);
				Thread.ofVirtual().start(() -> copy(client, service));
				Thread.ofVirtual().start(() -> copy(service, client));
			}
			catch (IOException ex) {
				// closed: stop accepting
			}
		}
	}

	private static void copy(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side went away: the other is closed below
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.sockets.forEach(TcpForward::closeQuietly);
		this.sockets.clear();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
