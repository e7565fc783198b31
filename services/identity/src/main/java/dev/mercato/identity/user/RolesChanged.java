package dev.mercato.identity.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's roles changed (an application event, published inside the transaction that
 * changes them): access tokens issued before carry the old roles.
 *
 * @param userId the user
 * @param at when the roles changed
 */
public record RolesChanged(UUID userId, Instant at) {

}
