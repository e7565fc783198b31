package dev.mercato.platform.test;

import java.util.Arrays;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit side of {@link IsolatedInfrastructure}: creates the class's resources before
 * it runs, resolves {@link TestInfrastructure} parameters, and afterwards closes the
 * class's Spring context (so no pool or listener outlives its database) and removes the
 * resources.
 */
final class InfrastructureExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		// Awaitility by default fails an await when any thread throws. Integration tests
		// run
		// broker and pool threads of earlier, already closed contexts (e.g. a
		// publisher-confirm
		// channel closing asynchronously after its connection factory shut down); their
		// noise
		// must not fail an unrelated test. Tests assert effects, not other threads'
		// deaths.
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
		IsolatedResources.forClass(context.getRequiredTestClass());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		if (!IsolatedResources.isCreated(testClass)) {
			return;
		}
		if (isSpringTest(testClass)) {
			closeSpringContext(context, testClass);
		}
		IsolatedResources.remove(testClass);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestInfrastructure.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return IsolatedResources.forClass(extensionContext.getRequiredTestClass());
	}

	private static boolean isSpringTest(Class<?> testClass) {
		return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.stream(ExtendWith.class)
			.anyMatch((extendWith) -> Arrays.asList(extendWith.getClassArray("value")).contains(SpringExtension.class));
	}

	/**
	 * Removes the class's context from Spring's context cache and closes it. The context
	 * is keyed by this class alone (see
	 * {@link IsolatedInfrastructureContextCustomizerFactory}), so no other class could
	 * reuse it.
	 */
	private static void closeSpringContext(ExtensionContext context, Class<?> testClass) {
		TestContextManager manager = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(SpringExtension.class))
			.get(testClass, TestContextManager.class);
		TestContext testContext = (manager != null) ? manager.getTestContext()
				: new TestContextManager(testClass).getTestContext();
		if (testContext.hasApplicationContext()) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

}
