package dev.mercato.platform.test;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the Spring context of an {@link IsolatedInfrastructure} test class at the
 * class's own resources. The customizer is equal only for the same class, so Spring's
 * context cache never hands one class's context (and database) to another.
 */
class IsolatedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean isolated = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.isPresent(IsolatedInfrastructure.class);
		return isolated ? new Customizer(testClass) : null;
	}

	private record Customizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestInfrastructure infrastructure = IsolatedResources.forClass(this.testClass);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("isolatedInfrastructure", infrastructure.springProperties()));
		}

	}

}
