package dev.mercato.notification.delivery;

import dev.mercato.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished notifications older than
 * {@code mercato.notification.history-retention} (PENDING ones are never deleted). A
 * plain delete: several instances running it at once delete each row once.
 */
@Component
public class HistoryRetention {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	HistoryRetention(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Deletes what is past the retention.
	 * @return how many notifications were deleted
	 */
	@Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
	public int purge() {
		int deleted = this.jdbc.sql("""
				delete from notifications where status <> 'PENDING' and created_at < now() - cast(? as interval)
				""").param(this.properties.historyRetention().toSeconds() + " seconds").update();
		if (deleted > 0) {
			log.info("Deleted {} notifications older than {}", deleted, this.properties.historyRetention());
		}
		return deleted;
	}

}
