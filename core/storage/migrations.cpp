#include "migrations.hpp"

namespace mingle::storage {
namespace {

// Version 1: people, events, participants, and import batches that can be undone.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    date       TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or empty
    place      TEXT NOT NULL DEFAULT '',
    goal       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- One row per file imported. Undoing it removes what it added (see import/importer.cpp).
CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    source_name TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL DEFAULT '',
    delimiter   TEXT NOT NULL DEFAULT '',
    columns     TEXT NOT NULL DEFAULT '[]',  -- JSON array: the file's column names, for participant.details
    rows_read   INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    merged      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at   TEXT
);
CREATE INDEX import_batch_event ON import_batch(event_id);

-- A person exists once, across all events. The e-mail is stored normalised (trimmed, lower
-- case) and is the first identity key; the second, name plus company, is computed when needed.
-- Neither has an index: an import loads every person's keys into memory once
-- (import/identity.cpp), and indexes would only slow every insert of a big import.
CREATE TABLE person (
    id               INTEGER PRIMARY KEY,
    first_name       TEXT NOT NULL DEFAULT '',
    last_name        TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    company          TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    url              TEXT NOT NULL DEFAULT '',
    created_by_batch INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A person at an event, with what the export said: the ticket type, and in details the cells that
-- have no field of their own (registration answers, order numbers). details is a JSON array
-- aligned with the columns of the import that listed the participant (import_batch.columns), with
-- "" for cells used elsewhere and trailing empties left out; or a JSON object name -> value for a
-- participant added by hand. Stored so, the column names are not repeated in every row.
CREATE TABLE participant (
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    ticket_type TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '',
    batch_id    INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX participant_person ON participant(person_id);

-- Fields an import filled in on people who already existed, so undo can put them back.
CREATE TABLE import_change (
    batch_id  INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX import_change_batch ON import_change(batch_id);

-- Column mappings the user corrected, by header signature, reused for the next file like it.
CREATE TABLE column_mapping (
    signature  TEXT PRIMARY KEY,
    fields     TEXT NOT NULL,   -- JSON array of field keys, one per column
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
)sql";

// Version 2: preparing an event. Targets with circles and plans, the user's relationship to each
// person, dated notes, former companies and titles, and who knows whom.
constexpr std::string_view kVersion2 = R"sql(
-- The user's relationship to the person (domain.md, section 4): 'inner' circle, 'vip', 'good'
-- people to know, business 'card' only, or 'none' yet. recognize: how to spot them at a reception.
-- No CHECK on relation: it would cost an import of 100,000 people 0.09 s; core writes only the
-- five keys (model.hpp) and reads anything else as 'none'.
ALTER TABLE person ADD COLUMN relation TEXT NOT NULL DEFAULT 'none';
ALTER TABLE person ADD COLUMN recognize TEXT NOT NULL DEFAULT '';
-- The language to talk to them in ('da', 'en'), when not the user's own: an international guest.
ALTER TABLE person ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- Door-openers at the same company: companies match by key (text::company_key: folded, no
-- punctuation, no legal form), which core writes with the company; mingle_company_key() is that
-- function, registered on mingle's connections, to fill the key in for people already here.
ALTER TABLE person ADD COLUMN company_key TEXT NOT NULL DEFAULT '';
UPDATE person SET company_key = mingle_company_key(company) WHERE company <> '';
CREATE INDEX person_company ON person(company_key) WHERE company_key <> '';

-- Whom the user wants to meet at an event, and the plan for each (domain.md, section 1).
CREATE TABLE target (
    event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    circle     TEXT NOT NULL DEFAULT 'outer' CHECK (circle IN ('central', 'inner', 'outer')),
    importance INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
    role       TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'info', 'intermediary', 'access')),
    ask        TEXT NOT NULL DEFAULT '',
    offer      TEXT NOT NULL DEFAULT '',
    nurture    TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX target_person ON target(person_id);

-- Free notes about a person, dated, optionally from an event.
CREATE TABLE note (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    event_id   INTEGER REFERENCES event(id) ON DELETE SET NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX note_person ON note(person_id, created_at);

-- Former companies and titles (or others a participant list gave), kept across re-imports.
CREATE TABLE person_history (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    company     TEXT NOT NULL DEFAULT '',
    company_key TEXT NOT NULL DEFAULT '',  -- text::company_key(company)
    title       TEXT NOT NULL DEFAULT '',
    batch_id    INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,  -- NULL: entered by hand
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (company <> '' OR title <> ''),
    UNIQUE (person_id, company_key, title)
);
CREATE INDEX person_history_company ON person_history(company_key) WHERE company_key <> '';

-- "A knows B", stored once per pair with the smaller id first. batch_id: derived from that
-- import (undo removes it); NULL: entered by hand.
CREATE TABLE link (
    person_a   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    person_b   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    how        TEXT NOT NULL DEFAULT '',
    batch_id   INTEGER REFERENCES import_batch(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (person_a < person_b),
    PRIMARY KEY (person_a, person_b)
) WITHOUT ROWID;
CREATE INDEX link_b ON link(person_b, person_a);

-- Whom the user met at an event (the reception's "met"), and whether the mingle timer may remind
-- them to move on from this person.
-- thanked_at: when the user said thank you afterwards (domain.md, section 3).
CREATE TABLE meeting (
    event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    met_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    thanked_at TEXT,
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;

-- The user's own 1-5 rating of how well the event served its goal (was it worth the time?).
ALTER TABLE event ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
-- Connected on LinkedIn (the next morning's list shows who is not yet).
ALTER TABLE person ADD COLUMN linkedin_connected INTEGER NOT NULL DEFAULT 0;

-- Promises made at an event, both ways (domain.md: write the agreements down on the spot).
-- due: local time "YYYY-MM-DDTHH:MM"; done_at: UTC, when kept.
CREATE TABLE promise (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER REFERENCES event(id) ON DELETE SET NULL,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    by_me      INTEGER NOT NULL CHECK (by_me IN (0, 1)),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    due        TEXT NOT NULL,
    done_at    TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX promise_person ON promise(person_id);
CREATE INDEX promise_open ON promise(due) WHERE done_at IS NULL;

-- Keeping in touch (domain.md, section 4): a contact, or something given or received (a link, an
-- introduction, help). The last one restarts the person's cadence; together they are the trust
-- balance, not a ledger.
CREATE TABLE contact_log (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('contact', 'gave', 'received')),
    text      TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX contact_log_person ON contact_log(person_id, at);

-- Conversation prompts the user marked for a person at an event: used (never offered again at a
-- later event) or pinned (kept when asking for a new set). prompt_id names the bank's template.
CREATE TABLE prompt_mark (
    event_id  INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL,
    used      INTEGER NOT NULL DEFAULT 0,
    pinned    INTEGER NOT NULL DEFAULT 0,
    marked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (person_id, event_id, prompt_id)
) WITHOUT ROWID;
)sql";

constexpr std::string_view kMigrations[] = {kVersion1, kVersion2};

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

}  // namespace mingle::storage
