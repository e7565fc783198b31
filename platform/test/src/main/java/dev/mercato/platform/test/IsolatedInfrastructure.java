package dev.mercato.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own fresh PostgreSQL database, RabbitMQ virtual host
 * and Redis key prefix on the servers running on the machine, and removes them after the
 * class ran.
 * <p>
 * For Spring tests ({@code @SpringBootTest}) the application context is pointed at those
 * resources through the usual Spring Boot properties ({@code spring.datasource.*},
 * {@code spring.rabbitmq.*}, {@code spring.data.redis.*},
 * {@code mercato.redis.key-prefix}) and closed before the resources are dropped. Any test
 * can take a {@link TestInfrastructure} parameter to reach them directly.
 * <p>
 * The servers are found through environment variables with local defaults:
 * {@code MERCATO_TEST_PG_HOST/PORT/USER/PASSWORD},
 * {@code MERCATO_TEST_RABBIT_HOST/PORT/USER/PASSWORD/MANAGEMENT_PORT},
 * {@code MERCATO_TEST_REDIS_HOST/PORT}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(InfrastructureExtension.class)
public @interface IsolatedInfrastructure {

}
