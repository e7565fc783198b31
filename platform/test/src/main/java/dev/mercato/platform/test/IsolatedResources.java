package dev.mercato.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates and removes the resources of each test class. One set per class, created on
 * first use (by the JUnit extension or by the Spring context customizer, whichever comes
 * first).
 */
final class IsolatedResources {

	private static final Map<Class<?>, TestInfrastructure> BY_CLASS = new ConcurrentHashMap<>();

	private static final String PG_HOST = env("MERCATO_TEST_PG_HOST", "127.0.0.1");

	private static final String PG_PORT = env("MERCATO_TEST_PG_PORT", "5432");

	private static final String PG_USER = env("MERCATO_TEST_PG_USER", "postgres");

	private static final String PG_PASSWORD = env("MERCATO_TEST_PG_PASSWORD", "");

	private static final String RABBIT_HOST = env("MERCATO_TEST_RABBIT_HOST", "127.0.0.1");

	private static final int RABBIT_PORT = Integer.parseInt(env("MERCATO_TEST_RABBIT_PORT", "5672"));

	private static final String RABBIT_USER = env("MERCATO_TEST_RABBIT_USER", "guest");

	private static final String RABBIT_PASSWORD = env("MERCATO_TEST_RABBIT_PASSWORD", "guest");

	private static final String RABBIT_MANAGEMENT_URL = "http://" + RABBIT_HOST + ":"
			+ env("MERCATO_TEST_RABBIT_MANAGEMENT_PORT", "15672");

	private static final String REDIS_HOST = env("MERCATO_TEST_REDIS_HOST", "127.0.0.1");

	private static final int REDIS_PORT = Integer.parseInt(env("MERCATO_TEST_REDIS_PORT", "6379"));

	private IsolatedResources() {
	}

	static TestInfrastructure forClass(Class<?> testClass) {
		return BY_CLASS.computeIfAbsent(testClass, IsolatedResources::create);
	}

	static boolean isCreated(Class<?> testClass) {
		return BY_CLASS.containsKey(testClass);
	}

	static void remove(Class<?> testClass) {
		TestInfrastructure infrastructure = BY_CLASS.remove(testClass);
		if (infrastructure == null) {
			return;
		}
		RuntimeException failure = null;
		try {
			execute("DROP DATABASE IF EXISTS " + infrastructure.databaseName() + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		try {
			infrastructure.rabbitAdmin().deleteVhost();
		}
		catch (RuntimeException ex) {
			failure = (failure != null) ? failure : ex;
		}
		try {
			RedisKeys.deleteByPrefix(infrastructure.redisHost(), infrastructure.redisPort(),
					infrastructure.redisKeyPrefix());
		}
		catch (RuntimeException ex) {
			failure = (failure != null) ? failure : ex;
		}
		if (failure != null) {
			throw failure;
		}
	}

	private static TestInfrastructure create(Class<?> testClass) {
		String id = name(testClass);
		TestInfrastructure infrastructure = new TestInfrastructure(
				"jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + id, PG_USER, PG_PASSWORD, id, RABBIT_HOST,
				RABBIT_PORT, RABBIT_USER, RABBIT_PASSWORD, id, RABBIT_MANAGEMENT_URL, REDIS_HOST, REDIS_PORT, id + ":");
		execute("CREATE DATABASE " + id);
		RabbitManagement rabbit = infrastructure.rabbitAdmin();
		rabbit.createVhost();
		rabbit.grantAll(RABBIT_USER);
		return infrastructure;
	}

	/**
	 * A name that is a valid unquoted PostgreSQL identifier, a readable vhost and a key
	 * prefix: {@code t_<class>_<random>}.
	 */
	static String name(Class<?> testClass) {
		String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (simple.length() > 40) {
			simple = simple.substring(0, 40);
		}
		byte[] random = new byte[4];
		ThreadLocalRandom.current().nextBytes(random);
		return "t_" + simple + "_" + HexFormat.of().formatHex(random);
	}

	private static void execute(String sql) {
		String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + url + " failed: " + sql, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
