package dev.mercato.identity;

import dev.mercato.platform.test.PackageCycles;
import org.junit.jupiter.api.Test;

/**
 * No two features of this service depend on each other, directly or through others.
 */
class PackageCyclesTest {

	@Test
	void featuresAreFreeOfCycles() {
		PackageCycles.assertNone(IdentityApplication.class);
	}

}
