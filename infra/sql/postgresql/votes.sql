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
--               The fraud review keeps its adjustments on shard -1 (writer slots are 0, 1, …), so holding or clearing
--               votes never waits for a writer's counter row; that shard's counts may be negative.
-- vote_holds    why a vote was held aside and what the administrators decided (src/CitySpiritAwards.Web/Fraud):
--               one row per vote ever flagged, written in the same transaction that sets votes.held and takes it
--               out of vote_tallies. A vote with a row here is never flagged again (so a confirmed vote is not
--               re-flagged and a cleared one not held again); "decision" is NULL while waiting for review,
--               'cleared' (held = false, counted again, in the same transaction) or 'confirmed' (stays held).
--               hold_id is what the review pages and API show: derived from the receipt, it does not reveal it.
--               No column here names the entry voted for.
-- vote_hold_sweeps  campaigns whose last fraud scan after voting closed (at the start of Tallying) has run.
-- vote_scans        how far each campaign's fraud scans have read (the latest voted_at): the next scan reads the votes
--                   after it (less a minute, for votes committed late), so a scan's cost follows the votes cast since.
-- network_first_votes  each account's first vote from each network, kept by the scans: the "many accounts on one
--                   network" signal ranks a network's accounts by it without reading all of the network's votes.

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

CREATE TABLE IF NOT EXISTS vote_holds
(
    hold_id            text        NOT NULL PRIMARY KEY,
    receipt            text        NOT NULL UNIQUE,
    campaign_id        text        NOT NULL,
    held_at            timestamptz NOT NULL,
    burst_votes        integer     NULL,     -- burst: votes from the network within the window ending with this vote
    fresh_account      boolean     NOT NULL, -- fresh account: cast too soon after the account was created
    network_accounts   integer     NULL,     -- many accounts: this account's place among the network's voting accounts
    account_created_at timestamptz NULL,     -- as Identity said when the vote was held (NULL: no such account)
    decision           text        NULL CHECK (decision IN ('cleared', 'confirmed')),
    decided_by         text        NULL,
    decided_at         timestamptz NULL
);

CREATE INDEX IF NOT EXISTS vote_holds_by_campaign ON vote_holds (campaign_id, held_at);

-- The fraud scan reads the votes cast since its last run, and the recent votes of the networks among them.
CREATE INDEX IF NOT EXISTS votes_by_time ON votes (campaign_id, voted_at, receipt);
CREATE INDEX IF NOT EXISTS votes_by_network ON votes (campaign_id, network, voted_at);
-- A voter's own votes in every campaign, newest first ("my votes").
CREATE INDEX IF NOT EXISTS votes_by_voter ON votes (voter_id, voted_at DESC, receipt);

CREATE TABLE IF NOT EXISTS vote_scans
(
    campaign_id text        NOT NULL PRIMARY KEY,
    scanned_to  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS network_first_votes
(
    campaign_id text        NOT NULL,
    network     text        NOT NULL,
    voter_id    text        NOT NULL,
    voted_at    timestamptz NOT NULL,
    receipt     text        NOT NULL,
    PRIMARY KEY (campaign_id, network, voter_id)
);

CREATE TABLE IF NOT EXISTS vote_hold_sweeps
(
    campaign_id text        NOT NULL PRIMARY KEY,
    swept_at    timestamptz NOT NULL
);

COMMIT;
