package org.yiwang.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Readiness checks for the processes the launcher starts. */
final class Probes {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Probes() {
	}

	static boolean portFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	static BooleanSupplier tcp(int port) {
		return () -> !portFree(port);
	}

	static BooleanSupplier http(String url) {
		return () -> {
			try {
				HttpResponse<Void> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		};
	}

	/** Kafka is ready when a client can describe the cluster and sees a broker. */
	static BooleanSupplier kafka(String bootstrap) {
		return () -> {
			Properties props = new Properties();
			props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
			props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
			try (Admin admin = Admin.create(props)) {
				return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
			}
			catch (Exception ex) {
				return false;
			}
		};
	}

}
