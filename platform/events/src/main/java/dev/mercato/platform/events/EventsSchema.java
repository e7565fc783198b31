package dev.mercato.platform.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the platform tables (outbox, inbox) with a Flyway of the library's
 * own: its own history table and migrations, so services neither copy these migrations
 * nor see their version numbers clash with their own. Runs after the service's Flyway
 * (the auto-configuration orders it), on a schema that is then usually not empty, hence
 * baseline-on-migrate from version 0.
 */
final class EventsSchema {

	static final String HISTORY_TABLE = "flyway_platform_events_history";

	static final String LOCATION = "classpath:db/platform-events";

	EventsSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.table(HISTORY_TABLE)
			.locations(LOCATION)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
