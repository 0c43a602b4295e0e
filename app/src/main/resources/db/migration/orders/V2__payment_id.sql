-- An order names the payment that pays it (none for a free order); the gateway's own
-- reference stays with the payment.
alter table orders_order add column payment_id uuid;
alter table orders_order drop column payment_reference;
