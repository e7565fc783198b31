-- Platform tables of dev.mercato:platform-events. Applied by the library's own Flyway
-- (history table flyway_platform_events_history), never by a service's migrations.

create table outbox (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    exchange        text        not null,
    routing_key     text        not null,
    type            text        not null,
    subject         text,
    traceparent     text,
    -- the whole CloudEvent, structured mode, as it goes on the wire
    payload         text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);

-- The relay scans unsent rows in id order; sent rows are only visited by the cleanup.
create index outbox_unsent on outbox (id) where sent_at is null;
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_processed_at on inbox (processed_at);
