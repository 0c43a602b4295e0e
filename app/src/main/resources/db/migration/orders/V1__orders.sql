-- Orders, their lines and their append-only status history.
create sequence orders_number_seq start with 100001;

create table orders_order (
	id uuid primary key,
	order_number bigint not null unique,
	customer_id uuid,
	email varchar(320) not null,
	ship_name varchar(200) not null,
	ship_line1 varchar(200) not null,
	ship_line2 varchar(200),
	ship_city varchar(100) not null,
	ship_postal_code varchar(20) not null,
	ship_country varchar(2) not null,
	total_amount bigint not null,
	currency varchar(3) not null,
	status varchar(20) not null,
	payment_reference varchar(200) not null,
	-- SHA-256 of the guest token, hex; the token itself is never stored
	token_hash varchar(64) not null,
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null,
	version bigint not null
);

create index orders_order_customer_idx on orders_order (customer_id, created_at);
create index orders_order_status_idx on orders_order (status, created_at);
create index orders_order_created_idx on orders_order (created_at);

create table orders_line (
	order_id uuid not null references orders_order (id),
	line_no int not null,
	sku varchar(100) not null,
	title varchar(500) not null,
	quantity int not null check (quantity > 0),
	unit_amount bigint not null,
	primary key (order_id, line_no)
);

-- Append-only: seq equals the order's version after the change, so two writers of the
-- same change collide on the primary key.
create table orders_history (
	order_id uuid not null references orders_order (id),
	seq bigint not null,
	from_status varchar(20),
	to_status varchar(20) not null,
	actor varchar(100) not null,
	note varchar(1000),
	changed_at timestamp with time zone not null,
	primary key (order_id, seq)
);
