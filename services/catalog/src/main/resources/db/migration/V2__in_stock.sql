-- The search index holds only whether a product is in stock (issue 8): inventory's events change
-- `available` on every reservation, but the index is touched only when this flag flips.
alter table products add column in_stock boolean not null default false;
update products set in_stock = true where available >= 1;
