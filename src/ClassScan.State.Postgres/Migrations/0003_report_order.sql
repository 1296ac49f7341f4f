-- The order in which the tenant-wide reports read the items (GetCarriedResults: scope, path, item id, byte order).
-- Without it each page of 2,000 rows sorted the whole table again: quadratic, about 10 minutes at 1,000,000 items.
-- With it each page continues the index scan where the previous one stopped.
CREATE INDEX IF NOT EXISTS ix_items_order
  ON items (scope COLLATE "C", (coalesce(path, '')) COLLATE "C", item_id COLLATE "C");
