-- A confirmed reservation remembers the order it went to, so that a cancelled order's
-- units go back to the warehouses they came from.
alter table inventory_reservation add column order_id uuid;
create index inventory_reservation_order_idx on inventory_reservation (order_id);
