-- Who can be reached: a replica of identity's users, kept from user.created / user.updated.
create table recipients (
    user_id    uuid primary key,
    email      text not null,
    first_name text not null,
    last_name  text,
    phone      text,
    roles      text[] not null,
    updated_at timestamptz not null default now()
);

-- Message templates per event key and channel (Mustache). Seeded by the application at
-- start-up (TemplateSeeder) when a (key, channel) has no row; admins edit them via the API.
create table templates (
    event_key  text not null,
    channel    text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
    subject    text not null,
    body_html  text,
    body_text  text not null,
    enabled    boolean not null default true,
    version    integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (event_key, channel)
);

-- Channels a user switched on or off; no row = the channel's default.
create table preferences (
    user_id    uuid not null,
    channel    text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
    enabled    boolean not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, channel)
);

-- Web Push subscriptions of a user's browsers.
create table push_subscriptions (
    id         uuid primary key,
    user_id    uuid not null,
    endpoint   text not null unique,
    p256dh     text not null,
    auth       text not null,
    created_at timestamptz not null default now()
);
create index push_subscriptions_user on push_subscriptions (user_id);

-- The VAPID key pair of the service (one for all instances, created once).
create table vapid_keys (
    id          integer primary key check (id = 1),
    public_key  text not null,
    private_key text not null,
    created_at  timestamptz not null default now()
);

-- One row per message to one user on one channel: the queue of the dispatcher and the
-- history users read. (event_id, channel, user_id) is unique: a redelivered event never
-- creates a second message.
create table notifications (
    id              uuid primary key,
    event_id        uuid not null,
    event_key       text not null,
    channel         text not null check (channel in ('EMAIL', 'SMS', 'PUSH')),
    user_id         uuid not null,
    -- the address the event itself carried (user.created, password reset), else resolved from recipients
    address         text,
    -- the event's values the template is rendered with (text, JSON)
    model           text,
    sensitive       boolean not null default false,
    subject         text,
    status          text not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        integer not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    constraint notifications_once unique (event_id, channel, user_id)
);
create index notifications_due on notifications (next_attempt_at) where status = 'PENDING';
create index notifications_history on notifications (user_id, created_at desc);
