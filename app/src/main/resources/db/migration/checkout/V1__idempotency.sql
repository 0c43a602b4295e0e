-- One row per Idempotency-Key: the request's hash and, once finished, the response to replay.
create table checkout_idempotency (
	idempotency_key varchar(255) primary key,
	request_hash char(64) not null,
	state varchar(20) not null,
	response_status int,
	response_body text,
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null
);

create index checkout_idempotency_created_idx on checkout_idempotency (created_at);
