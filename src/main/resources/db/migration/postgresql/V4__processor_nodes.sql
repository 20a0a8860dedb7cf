-- The application nodes sharing this database, each with its last heartbeat (epoch milliseconds, written by
-- the node). The streaming processors' segments are shared among the nodes whose heartbeat is younger than
-- the token claim timeout (org.entente.cluster.ProcessorNodes). A node deletes its row when it stops.
CREATE TABLE processor_node (
    node_id      VARCHAR(255) PRIMARY KEY,
    heartbeat_at BIGINT       NOT NULL
);
