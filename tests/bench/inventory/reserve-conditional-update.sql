-- One reservation line on one of the 10 hot products, the conditional-update way (ADR 11).
\set p random(1, 10)
BEGIN;
UPDATE stocks SET reserved = reserved + 1, version = version + 1, updated_at = now()
  WHERE product_id = md5(:p::text)::uuid AND on_hand - reserved >= 1;
INSERT INTO stock_movements (product_id, delta_on_hand, delta_reserved, reason, reference, actor, at)
  VALUES (md5(:p::text)::uuid, 0, 1, 'RESERVED', 'pgbench', 'pgbench', now());
END;
