create table payments_payment (
	id uuid primary key,
	idempotency_key varchar(255) not null,
	gateway varchar(50) not null,
	gateway_reference varchar(255),
	status varchar(20) not null,
	amount bigint not null,
	currency char(3) not null,
	brand varchar(30),
	last4 char(4),
	failure_reason varchar(255),
	reference varchar(255) not null,
	created_at timestamp with time zone not null,
	constraint payments_payment_key_uq unique (idempotency_key)
);
