-- Work distribution between scan nodes (owned by distribution; 0001_state.sql holds the state proper).
-- A unit is a drive; a node leases units with SELECT ... FOR UPDATE SKIP LOCKED, extends its leases by heartbeat,
-- and completes a unit only while it still holds the lease (same holder and epoch, not expired).

CREATE TABLE IF NOT EXISTS work_units (
    unit_id       text PRIMARY KEY,
    kind          text NOT NULL,
    label         text,
    web_url       text,
    priority      integer NOT NULL DEFAULT 0,
    ord           integer NOT NULL DEFAULT 0,
    done          boolean NOT NULL DEFAULT false,
    holder        text,
    epoch         bigint NOT NULL DEFAULT 0,
    lease_expires timestamptz,
    taken_at      timestamptz,
    done_at       timestamptz,
    done_by       text,
    registered_at timestamptz NOT NULL DEFAULT now()
);
-- The take: pending units in priority order.
CREATE INDEX IF NOT EXISTS ix_work_units_pending ON work_units (priority, ord) WHERE NOT done;
CREATE INDEX IF NOT EXISTS ix_work_units_holder ON work_units (holder) WHERE holder IS NOT NULL;

CREATE TABLE IF NOT EXISTS scan_nodes (
    node_id        text PRIMARY KEY,
    host           text NOT NULL,
    pid            integer NOT NULL,
    started_at     timestamptz NOT NULL,
    last_seen      timestamptz NOT NULL,
    stopped        boolean NOT NULL DEFAULT false,
    lease_seconds  double precision NOT NULL DEFAULT 300,
    listed         bigint NOT NULL DEFAULT 0,
    judged         bigint NOT NULL DEFAULT 0,
    downloads      bigint NOT NULL DEFAULT 0,
    requests       bigint NOT NULL DEFAULT 0,
    throttled      bigint NOT NULL DEFAULT 0,
    resource_units bigint NOT NULL DEFAULT 0
);

-- One row (id = 1): the tenant's Graph token bucket, refilled from the time elapsed by the UPDATE that takes from it.
CREATE TABLE IF NOT EXISTS graph_budget (
    id              integer PRIMARY KEY CHECK (id = 1),
    units_per_second double precision NOT NULL,
    burst           double precision NOT NULL,
    units_per_day   bigint NOT NULL,
    tokens          double precision NOT NULL,
    refilled_at     timestamptz NOT NULL DEFAULT now(),
    day             date NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')::date,
    used_today      bigint NOT NULL DEFAULT 0,
    paused_until    timestamptz
);
