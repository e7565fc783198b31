package dev.mercato.platform.security;

import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * One entry of {@code mercato.security.public-paths}: an optional HTTP method and a path
 * pattern.
 *
 * @param method the method, or {@code null} for every method
 * @param pattern the path pattern
 */
public record PublicPath(HttpMethod method, String pattern) {

	/**
	 * Parses {@code "/api/auth/**"} or {@code "GET /api/products/**"}.
	 * @param entry the configured entry
	 * @return the parsed entry
	 */
	public static PublicPath parse(String entry) {
		String trimmed = entry.trim();
		int space = trimmed.indexOf(' ');
		if (space < 0) {
			return new PublicPath(null, trimmed);
		}
		return new PublicPath(HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase(Locale.ROOT)),
				trimmed.substring(space + 1).trim());
	}

}
