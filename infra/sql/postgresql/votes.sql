-- City Spirit Awards: public votes (PostgreSQL). Applied by the app's migration step after orleans.sql
-- (src/CitySpiritAwards.Web/Hosting/DatabaseMigrator.cs, under the schema advisory lock). Idempotent.
--
-- votes         one row per vote ever acknowledged: the source of truth. A voter grain rebuilds the voter's
--               ballot from it; receipt lookups read it. The voter id is kept because the per-category limit
--               and the fraud signals need it; no endpoint joins it to the entry for anyone but the voter.
--               A withdrawn vote (or the old vote of a change) keeps its row with withdrawn_at set, so its
--               receipt still answers "withdrawn".
-- vote_tallies  counted votes per entry, kept in the same transaction as the votes, per writer slot (shard)
--               so two batches in flight never wait for each other's counter row. An entry's tally is the sum
--               over its shards and always equals
--                 SELECT count(*) FROM votes WHERE campaign_id = … AND entry_id = … AND withdrawn_at IS NULL AND NOT held
--               Whatever sets or clears "held" (the fraud review) must adjust vote_tallies in the same transaction.

BEGIN;
SELECT pg_advisory_xact_lock(4853290217);

CREATE TABLE IF NOT EXISTS votes
(
    receipt      text        NOT NULL PRIMARY KEY,
    campaign_id  text        NOT NULL,
    voter_id     text        NOT NULL,
    category_id  text        NOT NULL,
    entry_id     text        NOT NULL,
    voted_at     timestamptz NOT NULL,
    network      text        NOT NULL,
    withdrawn_at timestamptz NULL,
    held         boolean     NOT NULL DEFAULT false
);

-- One counted vote per voter and entry (a second vote for the same entry is the same vote); also how a voter's
-- ballot is found.
CREATE UNIQUE INDEX IF NOT EXISTS votes_counted_once_per_entry
    ON votes (campaign_id, voter_id, entry_id) WHERE withdrawn_at IS NULL;

CREATE TABLE IF NOT EXISTS vote_tallies
(
    campaign_id text    NOT NULL,
    entry_id    text    NOT NULL,
    shard       integer NOT NULL,
    category_id text    NOT NULL,
    votes       bigint  NOT NULL,
    PRIMARY KEY (campaign_id, entry_id, shard)
);

COMMIT;
