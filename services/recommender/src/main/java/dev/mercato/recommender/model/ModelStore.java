package dev.mercato.recommender.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persisted models ({@code models}): a restarted or added instance serves the newest at
 * once, without training.
 */
@Repository
class ModelStore {

	private static final String INFO_COLUMNS = "version, kind, trained_at, training_millis, users, items, interactions, factors";

	private final JdbcClient jdbc;

	ModelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long save(ModelInfo info, byte[] payload) {
		return this.jdbc.sql("""
				insert into models (kind, trained_at, training_millis, users, items, interactions, factors, payload)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning version""")
			.params(info.kind(), Timestamp.from(info.trainedAt()), info.trainingMillis(), info.users(), info.items(),
					info.interactions(), info.factors(), payload)
			.query(Long.class)
			.single();
	}

	Optional<ModelInfo> latest() {
		return this.jdbc.sql("select " + INFO_COLUMNS + " from models order by version desc limit 1")
			.query(ModelStore::info)
			.optional();
	}

	Optional<TrainedModel> load(long version) {
		return this.jdbc.sql("select " + INFO_COLUMNS + ", payload from models where version = ?")
			.param(version)
			.query((rs, row) -> TrainedModel.fromBytes(info(rs, row), rs.getBytes("payload")))
			.optional();
	}

	void keepNewest(int kept) {
		this.jdbc
			.sql("delete from models where version not in (select version from models order by version desc limit ?)")
			.param(kept)
			.update();
	}

	private static ModelInfo info(ResultSet rs, int row) throws SQLException {
		return new ModelInfo(rs.getLong("version"), rs.getString("kind"), rs.getTimestamp("trained_at").toInstant(),
				rs.getLong("training_millis"), rs.getInt("users"), rs.getInt("items"), rs.getLong("interactions"),
				rs.getInt("factors"));
	}

}
