package dev.mercato.platform.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned event type: where it is published and what its data looks like. Declare
 * one constant per event next to its payload record and use it on both sides, so the type
 * string is written once:
 *
 * <pre class="code">
 * public record UserCreatedV1(UUID userId, String email) {
 *     public static final EventType&lt;UserCreatedV1&gt; TYPE =
 *             new EventType&lt;&gt;("user.events", "mercato.user.created.v1", UserCreatedV1.class);
 * }
 * </pre>
 *
 * @param exchange the exchange the event is published to, e.g. {@code user.events}
 * @param type the CloudEvents type: {@code mercato.<name>.v<N>}
 * @param dataType the payload type
 * @param <T> the payload type
 */
public record EventType<T>(String exchange, String type, Class<T> dataType) {

	private static final Pattern TYPE = Pattern.compile("mercato\\.([a-z0-9_]+(?:\\.[a-z0-9_]+)*)\\.v[0-9]+");

	/**
	 * Validates the type name.
	 * @throws IllegalArgumentException when the type is not {@code mercato.<name>.v<N>}
	 */
	public EventType {
		if (exchange == null || exchange.isBlank()) {
			throw new IllegalArgumentException("exchange is required");
		}
		routingKeyOf(type);
		if (dataType == null) {
			throw new IllegalArgumentException("dataType is required");
		}
	}

	/**
	 * The routing key events of this type are published with.
	 * @return the routing key, e.g. {@code user.created}
	 */
	public String routingKey() {
		return routingKeyOf(this.type);
	}

	/**
	 * Derives the routing key from an event type: the type without the {@code mercato.}
	 * prefix and the version suffix ({@code mercato.order.created.v1} →
	 * {@code order.created}), so consumers bind to a name that survives a new version.
	 * @param type the event type
	 * @return the routing key
	 * @throws IllegalArgumentException when the type is not {@code mercato.<name>.v<N>}
	 */
	public static String routingKeyOf(String type) {
		Matcher matcher = (type != null) ? TYPE.matcher(type) : null;
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException(
					"Event type must look like mercato.<name>.v<N> (lower case), e.g. mercato.order.created.v1, but was "
							+ type);
		}
		return matcher.group(1);
	}

}
