/**
 * Security shared by every service: access tokens issued by identity verified against its
 * JWK set, roles as authorities, and the current user.
 */
package dev.mercato.platform.security;
