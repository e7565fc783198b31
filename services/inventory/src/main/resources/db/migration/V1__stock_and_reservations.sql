-- Stock per product. The checks are the last line of defence against overselling: no
-- code path can commit a negative level or more reserved than on hand.
create table stocks (
    product_id          uuid primary key,
    seller_id           uuid        not null,
    on_hand             integer     not null check (on_hand >= 0),
    reserved            integer     not null default 0 check (reserved >= 0),
    low_stock_threshold integer     not null check (low_stock_threshold >= 0),
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint stocks_reserved_within_on_hand check (reserved <= on_hand)
);

create index stocks_seller_idx on stocks (seller_id);

-- One reservation per order: the order id is the idempotency key of Reserve/Commit/Release.
create table reservations (
    order_id   uuid primary key,
    status     varchar(16) not null check (status in ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- What the sweeper scans: only live reservations.
create index reservations_due_idx on reservations (expires_at) where status = 'RESERVED';

create table reservation_lines (
    order_id   uuid    not null references reservations (order_id),
    product_id uuid    not null references stocks (product_id),
    quantity   integer not null check (quantity > 0),
    primary key (order_id, product_id)
);

-- Append-only audit trail: every change of a level is one row; the sums of the deltas per
-- product equal the levels.
create table stock_movements (
    id             bigint generated always as identity primary key,
    product_id     uuid         not null references stocks (product_id),
    delta_on_hand  integer      not null,
    delta_reserved integer      not null,
    reason         varchar(32)  not null,
    reference      varchar(100),
    note           varchar(500),
    actor          varchar(100) not null,
    at             timestamptz  not null
);

create index stock_movements_product_idx on stock_movements (product_id, id);

-- Append-only: refuse updates and deletes at the database.
create function stock_movements_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_movements is append-only';
end;
$$;

create trigger stock_movements_no_change
    before update or delete on stock_movements
    for each row execute function stock_movements_append_only();
