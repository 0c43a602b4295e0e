-- Products, their sellable variants (SKUs), and the category tree.
create table catalog_category (
	slug varchar(100) not null primary key,
	name varchar(200) not null,
	parent varchar(100) references catalog_category (slug),
	position int not null default 0
);

create table catalog_product (
	id uuid not null primary key,
	slug varchar(200) not null,
	title varchar(300) not null,
	description varchar(10000) not null,
	-- a JSON object of string attributes (author, publisher, pages, language, ...)
	attributes varchar(10000) not null,
	-- a JSON array of media URLs, first is the cover
	media varchar(10000) not null,
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null,
	constraint catalog_product_slug_unique unique (slug)
);

create index catalog_product_title_idx on catalog_product (title, id);

create table catalog_product_category (
	product_id uuid not null references catalog_product (id) on delete cascade,
	category varchar(100) not null references catalog_category (slug),
	primary key (product_id, category)
);

create index catalog_product_category_category_idx on catalog_product_category (category, product_id);

create table catalog_variant (
	sku varchar(64) not null primary key,
	product_id uuid not null references catalog_product (id) on delete cascade,
	title varchar(100) not null,
	price_amount bigint not null,
	price_currency char(3) not null,
	position int not null,
	constraint catalog_variant_price_not_negative check (price_amount >= 0)
);

create index catalog_variant_product_idx on catalog_variant (product_id, position);
