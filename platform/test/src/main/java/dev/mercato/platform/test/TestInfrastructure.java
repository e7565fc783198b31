package dev.mercato.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resources one test class owns: a database, a RabbitMQ virtual host and a Redis key
 * prefix. Obtained as a JUnit parameter in classes annotated with
 * {@link IsolatedInfrastructure}.
 *
 * @param jdbcUrl JDBC URL of the class's own database
 * @param dbUser database user (owner of the database)
 * @param dbPassword database password
 * @param databaseName name of the database
 * @param rabbitHost RabbitMQ host
 * @param rabbitPort RabbitMQ AMQP port
 * @param rabbitUser RabbitMQ user (has all permissions on the virtual host)
 * @param rabbitPassword RabbitMQ password
 * @param rabbitVhost the class's own virtual host
 * @param rabbitManagementUrl base URL of the RabbitMQ management API
 * @param redisHost Redis host
 * @param redisPort Redis port
 * @param redisKeyPrefix the prefix every key of this class must start with
 */
public record TestInfrastructure(String jdbcUrl, String dbUser, String dbPassword, String databaseName,
		String rabbitHost, int rabbitPort, String rabbitUser, String rabbitPassword, String rabbitVhost,
		String rabbitManagementUrl, String redisHost, int redisPort, String redisKeyPrefix) {

	/**
	 * Spring Boot properties that point an application at these resources.
	 * @return property names and values
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.jdbcUrl);
		properties.put("spring.datasource.username", this.dbUser);
		properties.put("spring.datasource.password", this.dbPassword);
		properties.put("spring.rabbitmq.host", this.rabbitHost);
		properties.put("spring.rabbitmq.port", this.rabbitPort);
		properties.put("spring.rabbitmq.username", this.rabbitUser);
		properties.put("spring.rabbitmq.password", this.rabbitPassword);
		properties.put("spring.rabbitmq.virtual-host", this.rabbitVhost);
		properties.put("spring.data.redis.host", this.redisHost);
		properties.put("spring.data.redis.port", this.redisPort);
		properties.put("mercato.redis.key-prefix", this.redisKeyPrefix);
		return properties;
	}

	/**
	 * Administration of this class's virtual host through the RabbitMQ management API.
	 * @return the admin client
	 */
	public RabbitManagement rabbitAdmin() {
		return new RabbitManagement(this.rabbitManagementUrl, this.rabbitUser, this.rabbitPassword, this.rabbitVhost);
	}

}
