-- An attempt's payment is found through payments by the payment key (checkout key and
-- fencing token), which payments records before it answers; the column is not needed.
alter table checkout_idempotency drop column payment_id;
