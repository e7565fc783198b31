-- RSA key pairs that sign access tokens. One active key signs; every key without
-- retired_at is published in the JWKS so tokens signed before a rotation still verify.
create table signing_keys (
    kid         text primary key,
    algorithm   text        not null,
    public_key  text        not null, -- X.509 SubjectPublicKeyInfo, DER, Base64
    private_key text        not null, -- PKCS#8, DER, Base64
    active      boolean     not null,
    created_at  timestamptz not null,
    retired_at  timestamptz,
    check (not (active and retired_at is not null))
);

create unique index signing_keys_one_active on signing_keys (active) where active;
