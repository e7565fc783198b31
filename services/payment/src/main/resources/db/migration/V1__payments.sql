-- One payment per order: the order id is the idempotency key of Charge. The unique
-- constraint settles concurrent first attempts; a row lock plus an attempt lease
-- (attempt_expires_at) lets exactly one caller talk to the provider at a time.
create table payments (
    id                  uuid primary key,
    order_id            uuid          not null unique,
    user_id             uuid          not null,
    amount              numeric(19,4) not null check (amount > 0),
    currency            char(3)       not null,
    status              varchar(24)   not null check (status in ('PENDING', 'CAPTURED', 'DECLINED',
                            'INSUFFICIENT_FUNDS', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    provider            varchar(16)   not null,
    provider_payment_id varchar(255)  unique,
    method_id           uuid,
    failure_code        varchar(64),
    failure_message     varchar(500),
    refunded_amount     numeric(19,4) not null default 0 check (refunded_amount >= 0),
    attempts            integer       not null default 0,
    attempt_expires_at  timestamptz,
    last_event_at       timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    -- the last line of defence of the refund bound
    constraint payments_refunds_within_amount check (refunded_amount <= amount)
);

create index payments_user_idx on payments (user_id, created_at desc);

-- Append-only history of money movements at the provider (charge attempts and refunds).
create table transactions (
    id                 bigint generated always as identity primary key,
    payment_id         uuid          not null references payments (id),
    type               varchar(16)   not null check (type in ('CHARGE', 'REFUND')),
    status             varchar(16)   not null check (status in ('SUCCEEDED', 'FAILED')),
    amount             numeric(19,4) not null check (amount > 0),
    currency           char(3)       not null,
    provider_reference varchar(255),
    detail             varchar(500),
    created_at         timestamptz   not null
);

create index transactions_payment_idx on transactions (payment_id, id);

-- One refund per refund request id (the idempotency key of Refund and of the REST
-- Idempotency-Key header). PENDING refunds count against the refundable amount, so two
-- concurrent refunds can never exceed what was captured.
create table refunds (
    id                 uuid primary key,
    payment_id         uuid          not null references payments (id),
    request_key        varchar(255)  not null unique,
    amount             numeric(19,4) not null check (amount > 0),
    currency           char(3)       not null,
    reason             varchar(200)  not null,
    status             varchar(16)   not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_refund_id varchar(255)  unique,
    requested_by       varchar(100)  not null,
    attempt_expires_at timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);

create index refunds_payment_idx on refunds (payment_id);

-- The provider's customer of a user (saved methods hang off it).
create table payment_customers (
    user_id              uuid         not null,
    provider             varchar(16)  not null,
    provider_customer_id varchar(255) not null,
    created_at           timestamptz  not null,
    primary key (user_id, provider)
);

-- Saved payment methods: the provider's reusable reference and what may be shown. Never a
-- card number or CVC.
create table payment_methods (
    id                 uuid primary key,
    user_id            uuid         not null,
    provider           varchar(16)  not null,
    provider_method_id varchar(255) not null,
    brand              varchar(32)  not null,
    last4              char(4)      not null,
    exp_month          integer      not null check (exp_month between 1 and 12),
    exp_year           integer      not null,
    is_default         boolean      not null default false,
    created_at         timestamptz  not null,
    unique (provider, provider_method_id)
);

create index payment_methods_user_idx on payment_methods (user_id, created_at);
create unique index payment_methods_one_default on payment_methods (user_id) where is_default;

-- Provider webhook events applied: the event id is the dedupe key (replays are no-ops).
create table webhook_events (
    provider    varchar(16)  not null,
    event_id    varchar(255) not null,
    type        varchar(64)  not null,
    occurred_at timestamptz  not null,
    received_at timestamptz  not null,
    outcome     varchar(32)  not null,
    primary key (provider, event_id)
);

-- The sandbox provider's own side (what a real provider keeps on its servers). Cards are
-- stored as brand, last4, expiry and the test outcome; never the number or the CVC.
create table sandbox_cards (
    id          varchar(64) primary key,
    kind        varchar(16) not null check (kind in ('TOKEN', 'METHOD')),
    brand       varchar(32) not null,
    last4       char(4)     not null,
    exp_month   integer     not null,
    exp_year    integer     not null,
    outcome     varchar(24) not null check (outcome in ('SUCCEEDS', 'DECLINED', 'INSUFFICIENT_FUNDS')),
    customer_id varchar(64),
    used        boolean     not null default false,
    created_at  timestamptz not null
);

create table sandbox_payment_intents (
    id              varchar(64)   primary key,
    idempotency_key varchar(255)  not null unique,
    order_id        uuid,
    amount_minor    bigint        not null,
    currency        char(3)       not null,
    card_id         varchar(64)   not null,
    status          varchar(24)   not null,
    decline_code    varchar(32),
    amount_refunded bigint        not null default 0,
    created_at      timestamptz   not null
);

create index sandbox_payment_intents_order_idx on sandbox_payment_intents (order_id);

create table sandbox_refunds (
    id                varchar(64)  primary key,
    idempotency_key   varchar(255) not null unique,
    payment_intent_id varchar(64)  not null references sandbox_payment_intents (id),
    amount_minor      bigint       not null,
    status            varchar(16)  not null,
    refund_key        varchar(255),
    created_at        timestamptz  not null
);

-- Webhooks the sandbox still has to deliver (retried with backoff, like a real provider).
create table sandbox_webhooks (
    id              bigint generated always as identity primary key,
    event_id        varchar(64) not null unique,
    payload         text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz
);

create index sandbox_webhooks_due_idx on sandbox_webhooks (next_attempt_at) where delivered_at is null;
