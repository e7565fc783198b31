package dev.mercato.identity.user.web;

import java.util.Set;

import dev.mercato.identity.user.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

// An unknown role name fails deserialisation: 400 before any of this runs.
record RolesRequest(@NotEmpty Set<@NotNull Role> roles) {

}
