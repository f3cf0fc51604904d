package org.yiwang.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.yiwang.local.store.ValueOrderedH2Backend;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The local stand-in for MongoDB: mongo-java-server speaking the real wire protocol, data in an H2 file that
 * survives restarts because the shutdown hook closes it cleanly; unique indexes are kept in value order
 * ({@link ValueOrderedH2Backend}). The oplog (needed only for change streams, which no service uses) is off unless
 * asked for: it keeps a copy of every write and grew the file without bound. Run as its own process: {@code MongoWireServer <host> <port> <data-file | :memory:> [oplog | no-oplog]}.
 */
public final class MongoWireServer {

	private MongoWireServer() {
	}

	public static void main(String[] args) throws Exception {
		String host = args.length > 0 ? args[0] : "127.0.0.1";
		int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
		String data = args.length > 2 ? args[2] : ":memory:";
		MongoBackend backend;
		if (":memory:".equals(data)) {
			backend = new MemoryBackend();
		}
		else {
			Path file = Path.of(data).toAbsolutePath();
			Files.createDirectories(file.getParent());
			backend = new ValueOrderedH2Backend(file.toString());
		}
		if (args.length > 3 && "oplog".equals(args[3])) {
			backend.enableOplog();
		}
		MongoServer server = new MongoServer(backend);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			// closes the H2 store properly: without this, data written since the last checkpoint is lost
			server.shutdownNow();
			stopped.countDown();
		}, "mongo-wire-shutdown"));
		server.bind(host, port);
		System.out.println("mongo wire server listening on " + host + ":" + port + " data=" + data);
		stopped.await();
	}

}
