create table cart_cart (
	id varchar(64) primary key,
	customer_id uuid,
	status varchar(20) not null,
	order_id uuid,
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null
);

create index cart_cart_customer_idx on cart_cart (customer_id, status);

create table cart_item (
	id uuid primary key,
	cart_id varchar(64) not null references cart_cart (id),
	sku varchar(64) not null,
	quantity int not null check (quantity > 0),
	added_at timestamp with time zone not null,
	constraint cart_item_sku_uq unique (cart_id, sku)
);
