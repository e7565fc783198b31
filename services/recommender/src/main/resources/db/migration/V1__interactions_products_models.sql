-- The catalog's products as far as recommendations need them (from product.* events).
create table products (
    id            uuid primary key,
    name          text        not null default '',
    category_id   uuid,
    category_path text[]      not null default '{}',
    active        boolean     not null,
    -- time of the event that wrote the row: an older event never overwrites a newer one
    changed_at    timestamptz not null
);

-- What shoppers did: one row per product per event.
create table interactions (
    id          bigserial primary key,
    user_id     uuid        not null,
    product_id  uuid        not null,
    kind        text        not null check (kind in ('VIEW', 'CART', 'PURCHASE')),
    occurred_at timestamptz not null,
    event_id    uuid        not null,
    -- a second delivery of an event cannot count twice even without the inbox row
    unique (event_id, product_id, kind)
);
create index interactions_user on interactions (user_id, kind);
create index interactions_time on interactions (occurred_at);

-- Trained models; the highest version is live on every instance.
create table models (
    version         bigserial primary key,
    kind            text        not null,
    trained_at      timestamptz not null,
    training_millis bigint      not null,
    users           int         not null,
    items           int         not null,
    interactions    bigint      not null,
    factors         int         not null,
    payload         bytea       not null
);
