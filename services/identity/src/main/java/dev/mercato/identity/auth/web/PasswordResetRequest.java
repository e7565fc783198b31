package dev.mercato.identity.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

// Not checked as an e-mail: any text gets the same 202, so nothing is learnt from the
// answer.
record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {

}
