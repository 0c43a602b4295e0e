-- Customers and admins. E-mails are stored lower-cased, so the unique constraint makes them
-- unique case-insensitively on every database.
create table identity_customer (
	id uuid not null primary key,
	email varchar(254) not null,
	password_hash varchar(100) not null,
	admin boolean not null default false,
	created_at timestamp with time zone not null,
	constraint identity_customer_email_uk unique (email)
);

-- Opaque refresh tokens, kept only as SHA-256 hashes. A token is used once: refreshing marks it
-- used and issues the next one in the same family; presenting a used token revokes the family.
create table identity_refresh_token (
	token_hash varchar(64) not null primary key,
	family_id uuid not null,
	customer_id uuid not null references identity_customer (id) on delete cascade,
	expires_at timestamp with time zone not null,
	used_at timestamp with time zone
);

create index identity_refresh_token_family_idx on identity_refresh_token (family_id);
create index identity_refresh_token_expires_idx on identity_refresh_token (expires_at);
