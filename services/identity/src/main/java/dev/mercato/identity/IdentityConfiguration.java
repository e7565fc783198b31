package dev.mercato.identity;

import java.time.Clock;

import dev.mercato.identity.user.BoundedPasswordEncoder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	// bcrypt today; the {id} prefix lets a later upgrade re-hash on login without a
	// migration. Hashing runs on one platform thread per core (BoundedPasswordEncoder).
	@Bean
	BoundedPasswordEncoder passwordEncoder(
			@Value("${mercato.identity.password-hashing.queue-per-thread:16}") int queuePerThread) {
		int threads = Runtime.getRuntime().availableProcessors();
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), threads,
				threads * queuePerThread);
	}

}
