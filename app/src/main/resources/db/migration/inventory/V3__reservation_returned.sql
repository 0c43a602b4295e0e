-- A confirmed reservation whose order was cancelled or refunded before shipping gives its
-- units back to the warehouses they came from, once: RETURNED marks that it did.
alter table inventory_reservation drop constraint inventory_reservation_status;
alter table inventory_reservation add constraint inventory_reservation_status
	check (status in ('HELD', 'CONFIRMED', 'RELEASED', 'RETURNED'));
