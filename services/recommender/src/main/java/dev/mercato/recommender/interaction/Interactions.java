package dev.mercato.recommender.interaction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.mercato.recommender.RecommenderProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The interaction log: who did what with which product, when.
 */
@Repository
public class Interactions {

	private final JdbcClient jdbc;

	Interactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an interaction once per (event, product, kind): a redelivered event adds
	 * nothing.
	 * @param userId the shopper
	 * @param productId the product
	 * @param kind what they did
	 * @param at when
	 * @param eventId the event that reported it
	 * @return whether a row was added
	 */
	public boolean record(UUID userId, UUID productId, InteractionKind kind, Instant at, UUID eventId) {
		return this.jdbc.sql("""
				insert into interactions (user_id, product_id, kind, occurred_at, event_id) values (?, ?, ?, ?, ?)
				on conflict (event_id, product_id, kind) do nothing""")
			.params(userId, productId, kind.name(), Timestamp.from(at), eventId)
			.update() == 1;
	}

	/**
	 * The products the user bought.
	 * @param userId the shopper
	 * @return product ids
	 */
	public Set<UUID> purchasedBy(UUID userId) {
		return Set.copyOf(
				this.jdbc.sql("select distinct product_id from interactions where user_id = ? and kind = 'PURCHASE'")
					.param(userId)
					.query(UUID.class)
					.list());
	}

	/**
	 * Streams the summed strength of every (user, product) pair since a time.
	 * @param weights strength per kind
	 * @param since older interactions are ignored
	 * @param pair receives each pair
	 */
	public void strengths(RecommenderProperties.Weights weights, Instant since, Consumer<Strength> pair) {
		this.jdbc.sql("""
				select user_id, product_id,
				       sum(case kind when 'VIEW' then :view when 'CART' then :cart else :purchase end) as strength
				from interactions where occurred_at >= :since group by user_id, product_id""")
			.param("view", weights.view())
			.param("cart", weights.cart())
			.param("purchase", weights.purchase())
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new Strength(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getFloat(3)))
			.stream()
			.forEach(pair);
	}

	/**
	 * Active products by the number of distinct shoppers who touched them since a time.
	 * @param since older interactions are ignored
	 * @param limit at most this many
	 * @return the products, most popular first
	 */
	public List<Popular> mostPopular(Instant since, int limit) {
		return mostPopular("", since, limit);
	}

	/**
	 * Active products of a category by the number of distinct shoppers since a time.
	 * @param category a category id, or a name on the products' category path
	 * @param since older interactions are ignored
	 * @param limit at most this many
	 * @return the products, most popular first
	 */
	public List<Popular> mostPopularIn(String category, Instant since, int limit) {
		return mostPopular("""
				and (cast(p.category_id as text) = lower(:category)
				     or lower(:category) = any(select lower(name) from unnest(p.category_path) as name))""", since,
				limit, category);
	}

	private List<Popular> mostPopular(String filter, Instant since, int limit, String... category) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				select i.product_id, count(distinct i.user_id) as shoppers
				from interactions i join products p on p.id = i.product_id and p.active
				where i.occurred_at >= :since %s
				group by i.product_id order by shoppers desc, i.product_id limit :limit""".formatted(filter))
			.param("since", Timestamp.from(since))
			.param("limit", limit);
		if (category.length > 0) {
			statement = statement.param("category", category[0]);
		}
		return statement.query((rs, row) -> new Popular(rs.getObject(1, UUID.class), rs.getLong(2))).list();
	}

	/**
	 * Whether an event's interactions are stored.
	 * @param eventId the event
	 * @return whether any row came from it
	 */
	public boolean contains(UUID eventId) {
		return this.jdbc.sql("select exists (select 1 from interactions where event_id = ?)")
			.param(eventId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A product and how many distinct shoppers touched it.
	 *
	 * @param productId the product
	 * @param shoppers distinct users
	 */
	public record Popular(UUID productId, long shoppers) {
	}

	/**
	 * One (user, product) pair's summed strength.
	 *
	 * @param userId the shopper
	 * @param productId the product
	 * @param strength summed weights
	 */
	public record Strength(UUID userId, UUID productId, float strength) {
	}

}
