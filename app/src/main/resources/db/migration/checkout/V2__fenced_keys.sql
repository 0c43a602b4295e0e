-- Fencing: every owner of a key holds a token; a takeover raises it, and only the holder
-- of the current token may record progress or an outcome. The row also remembers what
-- the attempt holds (cart, stock, payment), so an abandoned attempt can be undone.
alter table checkout_idempotency add column fence bigint default 1 not null;
alter table checkout_idempotency add column cart_id varchar(64);
-- SHA-256 of the priced cart (lines, quantities, unit prices, total) the key was used for
alter table checkout_idempotency add column cart_hash char(64);
alter table checkout_idempotency add column reservation_id uuid;
alter table checkout_idempotency add column payment_id uuid;

create index checkout_idempotency_state_idx on checkout_idempotency (state, updated_at);
