package dev.mercato.ordering.order;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Orders, the write side (JPA). Reads for the API go through {@link OrderQueries}.
 */
public interface Orders extends JpaRepository<Order, UUID> {

	/**
	 * The order with its lines in one query.
	 * @param id the order
	 * @return the order
	 */
	@Query("select o from Order o left join fetch o.lines where o.id = :id")
	Optional<Order> findWithLines(UUID id);

	/**
	 * The order a customer placed with an idempotency key.
	 * @param userId the customer
	 * @param idempotencyKey the key
	 * @return the order
	 */
	@Query("select o from Order o left join fetch o.lines where o.userId = :userId and o.idempotencyKey = :idempotencyKey")
	Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey);

}
