package dev.mercato.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IsolatedResourcesIT {

	@Test
	void createsDistinctResourcesPerClassAndRemovesThem() throws Exception {
		TestInfrastructure first = IsolatedResources.forClass(FirstOwner.class);
		TestInfrastructure second = IsolatedResources.forClass(SecondOwner.class);
		try {
			assertThat(first.databaseName()).isNotEqualTo(second.databaseName()).startsWith("t_firstowner_");
			assertThat(first.rabbitVhost()).isNotEqualTo(second.rabbitVhost());
			assertThat(first.redisKeyPrefix()).isNotEqualTo(second.redisKeyPrefix());
			assertThat(IsolatedResources.forClass(FirstOwner.class)).isSameAs(first);

			try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.dbUser(),
					first.dbPassword())) {
				connection.createStatement().execute("create table probe (id int)");
				ResultSet rs = connection.createStatement().executeQuery("select current_database()");
				rs.next();
				assertThat(rs.getString(1)).isEqualTo(first.databaseName());
			}
			assertThat(first.rabbitAdmin().connectionCount()).isZero();
			redis(first, "SET", first.redisKeyPrefix() + "probe", "1");
			redis(second, "SET", second.redisKeyPrefix() + "probe", "2");
		}
		finally {
			IsolatedResources.remove(FirstOwner.class);
		}

		assertThat(IsolatedResources.isCreated(FirstOwner.class)).isFalse();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), first.dbUser(), first.dbPassword()));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(first.rabbitAdmin()::connectionCount);
		assertThat(redis(first, "EXISTS", first.redisKeyPrefix() + "probe")).isEqualTo(":0");
		assertThat(redis(second, "EXISTS", second.redisKeyPrefix() + "probe")).isEqualTo(":1");

		IsolatedResources.remove(SecondOwner.class);
		assertThat(redis(second, "EXISTS", second.redisKeyPrefix() + "probe")).isEqualTo(":0");
	}

	private static String redis(TestInfrastructure infrastructure, String... args) throws IOException {
		try (Socket socket = new Socket(infrastructure.redisHost(), infrastructure.redisPort())) {
			OutputStream out = socket.getOutputStream();
			StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
			for (String arg : args) {
				command.append("$").append(arg.length()).append("\r\n").append(arg).append("\r\n");
			}
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int c;
			while ((c = in.read()) != '\r') {
				reply.append((char) c);
			}
			return reply.toString();
		}
	}

	static class FirstOwner {

	}

	static class SecondOwner {

	}

}
