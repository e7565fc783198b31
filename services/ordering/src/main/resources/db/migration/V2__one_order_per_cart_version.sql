-- Checking out a cart is exclusive: one order per cart version (issue 22, row 3). Every change
-- of a cart advances its version; an order placed from the cart claims (customer, version) in
-- the transaction that inserts it. A second checkout of the same version (a double click, a
-- client retrying after a timeout, with no or another Idempotency-Key) is refused unless the
-- order holding the claim was cancelled, so the customer can pay the same cart again then.
create table carts (
    user_id uuid   primary key,
    version bigint not null
);

create table cart_checkouts (
    user_id      uuid   not null,
    cart_version bigint not null,
    order_id     uuid   not null references orders (id),
    primary key (user_id, cart_version)
);
