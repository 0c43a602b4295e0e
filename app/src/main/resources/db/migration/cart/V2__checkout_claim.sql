-- A cart being checked out is claimed by one Idempotency-Key and its fencing token, so
-- that a second checkout of the same cart (another key, a double click) holds and
-- charges nothing, and a late finisher whose key was taken over cannot close it.
alter table cart_cart add column checkout_key varchar(255);
alter table cart_cart add column checkout_fence bigint;
