-- A checkout opens its authorization (status PENDING) in the transaction that holds its stock,
-- before it asks the gateway, and records the gateway's approval with its order: one commit less
-- while the shopper waits. The payment token is kept only while the payment is PENDING, so that a
-- worker can ask the gateway again under the same key (which answers the same) and give back what
-- a node that stopped in between had been given.
alter table payments_payment add column payment_token varchar(255);
