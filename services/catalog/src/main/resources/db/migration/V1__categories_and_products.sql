-- The category tree: a root has no parent. Names are unique among siblings (by slug).
create table categories (
    id         uuid primary key,
    parent_id  uuid references categories (id),
    name       varchar(100) not null,
    slug       varchar(120) not null,
    created_at timestamptz  not null,
    constraint categories_sibling_slug unique nulls not distinct (parent_id, slug)
);

create index categories_parent_idx on categories (parent_id);

-- Products. The search index (Hibernate Search) is derived from this table and can be
-- rebuilt from it at any time; the table is the truth.
create table products (
    id                     uuid primary key,
    sku                    varchar(64)   not null unique,
    name                   varchar(200)  not null,
    description            text          not null,
    price_amount           numeric(12, 2) not null check (price_amount >= 0),
    currency               varchar(3)    not null,
    category_id            uuid          not null references categories (id),
    -- the category's ancestors and itself, root first, '/'-separated: the index's
    -- "category including sub-categories" filter (categories are never moved)
    category_path          text          not null,
    image_url              varchar(500),
    seller_id              uuid          not null,
    status                 varchar(16)   not null check (status in ('ACTIVE', 'ARCHIVED')),
    -- Replica of inventory's available units (inventory.updated); null until the first event.
    available              integer check (available >= 0),
    -- CloudEvent time of the inventory.updated applied last: older events are ignored.
    availability_as_of     timestamptz,
    version                bigint        not null default 0,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    archived_at            timestamptz
);

create index products_seller_idx on products (seller_id);
create index products_category_idx on products (category_id);
