-- Rotation: a refresh token is used once; presenting a used (or revoked) token again
-- revokes its whole family.
alter table refresh_tokens add column used_at timestamptz;

-- Password reset: only the SHA-256 of the token mailed to the user is stored.
create table password_reset_tokens (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_reset_tokens_user on password_reset_tokens (user_id);

-- Key rotation: when a key stopped signing; it is retired once every token it signed
-- has expired.
alter table signing_keys add column deactivated_at timestamptz;
