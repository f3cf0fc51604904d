package org.yiwang.bench.theme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackTest {

	@Test
	void acceptsLoopbackAddressesInEveryForm() {
		assertThat(Loopback.url("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
		assertThat(Loopback.url("http://localhost:8180/realms/gov")).isNotNull();
		assertThat(Loopback.bootstrap("127.0.0.1:9092,localhost:9093")).isNotNull();
		assertThat(Loopback.mongoUri("mongodb://127.0.0.1:27017")).isNotNull();
		assertThat(Loopback.mongoUri("mongodb://u:p@localhost:27017,127.0.0.1:27018/db?replicaSet=rs0")).isNotNull();
	}

	@Test
	void refusesAnythingElse() {
		assertThatThrownBy(() -> Loopback.url("http://10.1.2.3:8080")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Loopback.bootstrap("127.0.0.1:9092,192.168.0.7:9092"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Loopback.mongoUri("mongodb://user:pw@8.8.8.8:27017/x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Loopback.mongoUri("mongodb+srv://cluster.example.org"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
