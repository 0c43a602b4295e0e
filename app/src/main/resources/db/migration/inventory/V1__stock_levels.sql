-- Warehouses, stock per (sku, warehouse) and reservations that hold stock until paid or expired.
create table inventory_warehouse (
	code varchar(40) not null primary key,
	name varchar(200) not null,
	-- lower numbers are tried first when reserving
	priority int not null
);

-- every store has a default warehouse
insert into inventory_warehouse (code, name, priority) values ('main', 'Main warehouse', 10);

create table inventory_stock (
	sku varchar(64) not null,
	warehouse varchar(40) not null references inventory_warehouse (code),
	on_hand int not null,
	reserved int not null default 0,
	primary key (sku, warehouse),
	constraint inventory_stock_on_hand_not_negative check (on_hand >= 0),
	constraint inventory_stock_reserved_not_negative check (reserved >= 0),
	constraint inventory_stock_reserved_within_on_hand check (reserved <= on_hand)
);

create table inventory_reservation (
	id uuid not null primary key,
	status varchar(16) not null,
	created_at timestamp with time zone not null,
	expires_at timestamp with time zone not null,
	constraint inventory_reservation_status check (status in ('HELD', 'CONFIRMED', 'RELEASED'))
);

create index inventory_reservation_status_expires_idx on inventory_reservation (status, expires_at);

-- which warehouse holds how much of each reserved SKU
create table inventory_reservation_line (
	reservation_id uuid not null references inventory_reservation (id),
	sku varchar(64) not null,
	warehouse varchar(40) not null references inventory_warehouse (code),
	quantity int not null,
	primary key (reservation_id, sku, warehouse),
	constraint inventory_reservation_line_quantity_positive check (quantity > 0)
);
