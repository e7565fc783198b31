package dev.mercato.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(SpringContextIsolationIT.Config.class)
@IsolatedInfrastructure
class SpringContextIsolationIT {

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	@Autowired
	Environment environment;

	@Test
	void contextPointsAtTheClassResources(TestInfrastructure infrastructure) throws Exception {
		assertThat(this.datasourceUrl).isEqualTo(infrastructure.jdbcUrl());
		assertThat(this.environment.getProperty("spring.rabbitmq.virtual-host"))
			.isEqualTo(infrastructure.rabbitVhost());
		assertThat(this.environment.getProperty("mercato.redis.key-prefix")).isEqualTo(infrastructure.redisKeyPrefix());
		try (Connection connection = DriverManager.getConnection(this.datasourceUrl, infrastructure.dbUser(),
				infrastructure.dbPassword())) {
			ResultSet rs = connection.createStatement().executeQuery("select current_database()");
			rs.next();
			assertThat(rs.getString(1)).isEqualTo(infrastructure.databaseName());
		}
	}

	@Configuration
	static class Config {

	}

}
