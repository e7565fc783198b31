-- Cart: one line per (user, product); prices are not stored, the cart shows catalog's current price.
create table cart_items (
    user_id uuid not null,
    product_id uuid not null,
    quantity integer not null check (quantity between 1 and 999),
    added_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (user_id, product_id)
);

-- Orders with the checkout saga's state in the same row (one aggregate, one version).
create table orders (
    id uuid primary key,
    user_id uuid not null,
    status varchar(16) not null,
    currency varchar(3) not null,
    total_amount numeric(19, 4) not null check (total_amount >= 0),
    ship_name varchar(200) not null,
    ship_line1 varchar(200) not null,
    ship_line2 varchar(200),
    ship_city varchar(100) not null,
    ship_postal_code varchar(20) not null,
    ship_country varchar(2) not null,
    -- how to pay: a saved method of the user, or a one-time provider token (never a card number);
    -- the token is cleared once the charge has an answer
    payment_method_id varchar(100),
    payment_token varchar(200),
    from_cart boolean not null,
    cancellation_reason varchar(32),
    payment_id varchar(100),
    refund_id varchar(100),
    refunded boolean not null default false,
    carrier varchar(100),
    tracking_number varchar(100),
    idempotency_key varchar(200),
    request_hash varchar(64),
    -- saga: the next step to run (RESERVE, CHARGE, COMMIT, COMPENSATE) or DONE
    saga_step varchar(16) not null,
    saga_attempts integer not null default 0,
    -- when a worker may pick the saga up: a lease while someone runs it, a backoff after a failure
    saga_next_attempt_at timestamptz,
    saga_deadline timestamptz not null,
    -- the process that holds the lease (instance id); a restarted instance resumes its own at once
    saga_owner varchar(100),
    saga_last_error varchar(500),
    stock_released boolean not null default false,
    charge_outcome_unknown boolean not null default false,
    reservation_expires_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    confirmed_at timestamptz,
    shipped_at timestamptz,
    delivered_at timestamptz,
    cancelled_at timestamptz,
    version bigint not null default 0,
    constraint orders_idempotency unique (user_id, idempotency_key)
);

create index orders_user_created on orders (user_id, created_at desc, id);
create index orders_status_created on orders (status, created_at desc, id);
-- the worker's scan: only sagas that still have a step to run
create index orders_saga_due on orders (saga_next_attempt_at) where saga_step <> 'DONE';

create table order_items (
    order_id uuid not null references orders (id),
    line_no integer not null,
    product_id uuid not null,
    sku varchar(100) not null,
    name varchar(300) not null,
    quantity integer not null check (quantity > 0),
    unit_price numeric(19, 4) not null check (unit_price >= 0),
    primary key (order_id, line_no)
);
