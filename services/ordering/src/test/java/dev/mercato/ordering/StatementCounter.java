package dev.mercato.ordering;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL of every statement the current test thread prepares, through a proxy
 * around the application's DataSource, so a test can prove how many queries a read
 * issues.
 */
public final class StatementCounter {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	private static volatile Thread watched;

	private StatementCounter() {
	}

	/** Starts recording the statements of the calling thread. */
	public static void watchThisThread() {
		statements.clear();
		watched = Thread.currentThread();
	}

	/** The statements recorded since {@link #watchThisThread()}. */
	public static List<String> statements() {
		watched = null;
		return List.copyOf(statements);
	}

	private static Object record(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		if (Thread.currentThread() == watched && args != null && args.length > 0 && args[0] instanceof String sql
				&& (method.getName().startsWith("prepare") || method.getName().startsWith("execute"))) {
			statements.add(sql);
		}
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** Wraps the DataSource. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
						return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
								new Class<?>[] { DataSource.class }, dataSourceHandler(dataSource));
					}
					return bean;
				}

			};
		}

		private static InvocationHandler dataSourceHandler(DataSource target) {
			return (proxy, method, args) -> {
				Object result;
				try {
					result = method.invoke(target, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
				if (result instanceof Connection connection) {
					return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
							new Class<?>[] { Connection.class }, (p, m, a) -> record(connection, m, a));
				}
				return result;
			};
		}

	}

}
