-- City Spirit Awards: the read tables. The same text runs on SQLite (embedded) and PostgreSQL (cluster); applied at
-- start by ReadTables.MigrateAsync (in a cluster under the schema advisory lock, after orleans.sql and votes.sql),
-- then read-tables.postgresql.sql on PostgreSQL. Idempotent. Grains write these tables; pages and APIs read them.
-- Times are Unix milliseconds (UTC), so both providers compare and order them the same way.
--
-- nominations        one row per nomination ever submitted, as its grain last stored it (never deleted: a withdrawn
--                    or merged nomination keeps its row with that status). The nominee's email is not kept.
--                    public_since is set exactly while the nomination may be shown (approved and consented).
--                    search_name and duplicate_key fold the name (DuplicateKey.Fold / For in the Domain project).
--                    submitted_sheets: how many of its judge_assignments rows are Submitted, kept by judging's writes
--                    (JudgingIndex), so the chair's "least scored first" walks an index instead of counting every entry.
-- nomination_counts  how many nominations each campaign has per award, district, status and whether public, kept by
--                    the same transaction that writes a nomination's row: lists count from here (at most 4 × 16 × 7 × 2
--                    rows a campaign) instead of counting their rows. search_grams: each character and each pair of
--                    neighbouring characters of search_name, for names searched by one or two characters (Chinese names
--                    are often two or three), which a trigram index cannot serve.
-- read_model_outbox  a row per grain that is about to change its row: written before the grain stores its state,
--                    deleted with the row's write. One older than a few seconds is a change whose row was never
--                    written (a crash between the two); the catch-up job asks that grain to write it.

CREATE TABLE IF NOT EXISTS nominations
(
    id             text   NOT NULL PRIMARY KEY,
    campaign_id    text   NOT NULL,
    nominator_id   text   NOT NULL,
    category_id    text   NOT NULL,
    district_id    text   NOT NULL,
    nominee_name   text   NOT NULL,
    search_name    text   NOT NULL,
    search_grams   text   NOT NULL,
    duplicate_key  text   NOT NULL,
    relationship   text   NOT NULL,
    story_zh       text   NULL,
    story_en       text   NULL,
    status         text   NOT NULL,
    consent        text   NOT NULL,
    submitted_at   bigint NOT NULL,
    public_since   bigint NULL,
    photo_ids      text   NOT NULL,
    moderator_note text   NULL,
    merged_into    text   NULL,
    history        text   NOT NULL,
    version        bigint NOT NULL,
    submitted_sheets integer NOT NULL DEFAULT 0
);

-- The moderators' queue: by status, oldest first; and every status, oldest first.
CREATE INDEX IF NOT EXISTS nominations_by_status ON nominations (campaign_id, status, submitted_at, id);
CREATE INDEX IF NOT EXISTS nominations_by_time ON nominations (campaign_id, submitted_at, id);
-- Possible duplicates: the same folded name in the same district.
CREATE INDEX IF NOT EXISTS nominations_by_duplicate_key ON nominations (campaign_id, duplicate_key);
-- The public gallery, newest first, whole or by award or district.
CREATE INDEX IF NOT EXISTS nominations_public ON nominations (campaign_id, public_since DESC, id) WHERE public_since IS NOT NULL;
CREATE INDEX IF NOT EXISTS nominations_public_by_category ON nominations (campaign_id, category_id, public_since DESC, id) WHERE public_since IS NOT NULL;
CREATE INDEX IF NOT EXISTS nominations_public_by_district ON nominations (campaign_id, district_id, public_since DESC, id) WHERE public_since IS NOT NULL;
-- Judging's entries of one award, a page at a time by id; and the chair's pages of them, least scored first or by name.
CREATE INDEX IF NOT EXISTS nominations_in_judging ON nominations (campaign_id, category_id, id) WHERE public_since IS NOT NULL;
CREATE INDEX IF NOT EXISTS nominations_in_judging_by_progress ON nominations (campaign_id, category_id, submitted_sheets, id) WHERE public_since IS NOT NULL;
CREATE INDEX IF NOT EXISTS nominations_in_judging_by_name ON nominations (campaign_id, category_id, nominee_name, id) WHERE public_since IS NOT NULL;
-- A resident's own nominations across campaigns ("my nominations" in the menu), per campaign newest first.
CREATE INDEX IF NOT EXISTS nominations_by_nominator ON nominations (nominator_id, campaign_id, submitted_at DESC, id);

CREATE TABLE IF NOT EXISTS nomination_counts
(
    campaign_id text    NOT NULL,
    category_id text    NOT NULL,
    district_id text    NOT NULL,
    status      text    NOT NULL,
    is_public   integer NOT NULL,
    count       bigint  NOT NULL,
    PRIMARY KEY (campaign_id, category_id, district_id, status, is_public)
);

CREATE TABLE IF NOT EXISTS read_model_outbox
(
    kind  text   NOT NULL,
    id    text   NOT NULL,
    since bigint NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE INDEX IF NOT EXISTS read_model_outbox_by_age ON read_model_outbox (kind, since);

-- Judging. judge_assignments: who judges which entry, as each award's assignment grain last stored it (a row per
-- entry and judge; an entry without judges has none), with what the pages order and count it by kept on the row: the
-- award's place in the site's list (award_rank), the judge's sheet's status (from score_sheets, 'ToDo' without one)
-- and whether the entry may be shown (in_judging, from nominations.public_since). judgings: per award, when its entries
-- were assigned, how many judges each should have, and the version of the assignment the rows are at (a late write of
-- an older one is ignored). score_sheets: each member's sheet per entry as their scores grain last stored it, with its
-- weighted score once submitted. judge_counts: per award and judge, their rows in judging (assigned) and how many of
-- those are submitted and drafts, kept by the transaction that changes a row (JudgingIndex, NominationIndex), so queues
-- and the chair's progress never count a whole award. None of them names the nominator to a judge.

CREATE TABLE IF NOT EXISTS judgings
(
    campaign_id      text    NOT NULL,
    category_id      text    NOT NULL,
    assigned_at      bigint  NOT NULL,
    judges_per_entry integer NOT NULL,
    version          bigint  NOT NULL,
    PRIMARY KEY (campaign_id, category_id)
);

CREATE TABLE IF NOT EXISTS judge_assignments
(
    campaign_id text    NOT NULL,
    category_id text    NOT NULL,
    entry_id    text    NOT NULL,
    member_id   text    NOT NULL,
    award_rank  integer NOT NULL DEFAULT 99,
    status      text    NOT NULL DEFAULT 'ToDo',
    in_judging  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, entry_id, member_id)
);

-- A member's queue in its order (award by award, then by entry), by status, and what is left to score; an award's rows.
DROP INDEX IF EXISTS judge_assignments_by_member;
CREATE INDEX IF NOT EXISTS judge_assignments_queue ON judge_assignments (campaign_id, member_id, in_judging, award_rank, entry_id);
CREATE INDEX IF NOT EXISTS judge_assignments_queue_by_status ON judge_assignments (campaign_id, member_id, status, award_rank, entry_id) WHERE in_judging = 1;
CREATE INDEX IF NOT EXISTS judge_assignments_to_score ON judge_assignments (campaign_id, member_id, award_rank, entry_id) WHERE in_judging = 1 AND status <> 'Submitted';
CREATE INDEX IF NOT EXISTS judge_assignments_by_category ON judge_assignments (campaign_id, category_id, member_id);

CREATE TABLE IF NOT EXISTS judge_counts
(
    campaign_id text   NOT NULL,
    category_id text   NOT NULL,
    member_id   text   NOT NULL,
    assigned    bigint NOT NULL,
    submitted   bigint NOT NULL,
    drafts      bigint NOT NULL,
    PRIMARY KEY (campaign_id, category_id, member_id)
);

CREATE TABLE IF NOT EXISTS score_sheets
(
    campaign_id    text   NOT NULL,
    member_id      text   NOT NULL,
    entry_id       text   NOT NULL,
    category_id    text   NOT NULL,
    status         text   NOT NULL,
    weighted_score double precision NULL,
    comment        text   NULL,
    saved_at       bigint NOT NULL,
    version        bigint NOT NULL,
    PRIMARY KEY (campaign_id, member_id, entry_id)
);
