-- One reservation line on one of the 10 hot products, the row-lock way (ADR 11).
\set p random(1, 10)
BEGIN;
SELECT on_hand - reserved FROM stocks WHERE product_id = md5(:p::text)::uuid FOR UPDATE;
UPDATE stocks SET reserved = reserved + 1, version = version + 1, updated_at = now()
  WHERE product_id = md5(:p::text)::uuid;
INSERT INTO stock_movements (product_id, delta_on_hand, delta_reserved, reason, reference, actor, at)
  VALUES (md5(:p::text)::uuid, 0, 1, 'RESERVED', 'pgbench', 'pgbench', now());
END;
