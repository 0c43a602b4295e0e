-- RS256 signing keys shared by every node. The newest key not retired signs; retired keys still
-- verify until the longest access token they may have signed has expired. The private key is
-- PKCS#8 DER and the public key X.509 SubjectPublicKeyInfo DER, both unencrypted (ADR 0011).
create table identity_signing_key (
	kid varchar(100) not null primary key,
	public_key bytea not null,
	private_key bytea not null,
	created_at timestamp with time zone not null,
	retired_at timestamp with time zone
);

create index identity_signing_key_created_idx on identity_signing_key (created_at);
