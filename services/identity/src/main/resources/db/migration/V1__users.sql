create table users (
    id            uuid primary key,
    -- stored normalised (lower case) by the application; the check keeps it so
    email         text        not null unique check (email = lower(email)),
    password_hash text        not null,
    first_name    text        not null,
    last_name     text        not null,
    phone         text,
    active        boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);

create table user_roles (
    user_id uuid not null references users (id) on delete cascade,
    role    text not null check (role in ('CUSTOMER', 'SELLER', 'ADMIN')),
    primary key (user_id, role)
);
