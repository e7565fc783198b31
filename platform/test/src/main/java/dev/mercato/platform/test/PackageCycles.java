package dev.mercato.platform.test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rule that a service's features do not depend on each other in a cycle. A feature is
 * a package below the application's package together with its sub-packages (its adapters
 * {@code web}, {@code grpc}, {@code messaging}); classes directly in the application's
 * package (properties, configuration, value types) belong to no feature. A feature that
 * must react to another listens to its events instead of being called by it.
 */
public final class PackageCycles {

	private PackageCycles() {
	}

	/**
	 * Fails, naming each cycle, when the features of the application's main code depend
	 * on each other in a cycle.
	 * @param application the Spring Boot application class, in the service's root package
	 */
	public static void assertNone(Class<?> application) {
		String root = application.getPackageName();
		// only the service's own classes matter: not resolving the JDK and libraries
		// they refer to keeps this a unit test (seconds, not tens of seconds)
		ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
		slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(classes);
	}

}
