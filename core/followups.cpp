#include "followups.hpp"

#include <algorithm>
#include <tuple>

#include <SQLiteCpp/Statement.h>

#include "core/events.hpp"
#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

Error no_such_promise(Id id) {
    return make_error("There is no promise with id " + std::to_string(id) + ". See mingle followups.");
}

Status set_done(storage::Database& db, Id promise_id, bool done) {
    try {
        SQLite::Statement update(db.sql(), done ? "UPDATE promise SET done_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                                  "WHERE id = ? AND done_at IS NULL"
                                                : "UPDATE promise SET done_at = NULL WHERE id = ?");
        update.bind(1, promise_id);
        if (update.exec() == 0) {
            SQLite::Statement exists(db.sql(), "SELECT 1 FROM promise WHERE id = ?");
            exists.bind(1, promise_id);
            if (!exists.executeStep()) return no_such_promise(promise_id);
        }
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the promise");
    }
}

std::vector<Acquaintance> acquaintances(storage::Database& db, Id event_id, const char* condition) {
    SQLite::Statement query(db.sql(), std::string("SELECT ") + kPersonColumns +
                                          ", m.met_at FROM meeting m JOIN person p ON p.id = m.person_id "
                                          "WHERE m.event_id = ? AND " + condition +
                                          " ORDER BY p.first_name COLLATE NOCASE, p.last_name COLLATE NOCASE");
    query.bind(1, event_id);
    std::vector<Acquaintance> people;
    while (query.executeStep()) people.push_back({read_person(query), query.getColumn(kPersonColumnCount).getString()});
    return people;
}

int count(storage::Database& db, const std::string& sql, Id event_id) {
    SQLite::Statement query(db.sql(), sql);
    query.bind(1, event_id);
    query.executeStep();
    return query.getColumn(0).getInt();
}

}  // namespace

std::string_view due_group_key(DueGroup group) {
    switch (group) {
        case DueGroup::Overdue: return "overdue";
        case DueGroup::Today: return "today";
        case DueGroup::Later: return "later";
    }
    return "later";
}

DueGroup group_of(std::string_view due, const LocalDateTime& now) {
    const std::string current = format_due(now);
    if (due < std::string_view(current)) return DueGroup::Overdue;
    if (due.substr(0, 10) == std::string_view(current).substr(0, 10)) return DueGroup::Today;
    return DueGroup::Later;
}

std::vector<Followup> list_followups(storage::Database& db, const FollowupQuery& query, const LocalDateTime& now) {
    std::string sql =
        "SELECT pr.id, pr.person_id, trim(p.first_name || ' ' || p.last_name), p.email, pr.by_me, pr.text, pr.due, "
        "coalesce(pr.done_at, ''), coalesce(e.name, '') FROM promise pr JOIN person p ON p.id = pr.person_id "
        "LEFT JOIN event e ON e.id = pr.event_id WHERE (?1 = 0 OR pr.event_id = ?1)";
    if (!query.include_done) sql += " AND pr.done_at IS NULL";
    SQLite::Statement statement(db.sql(), sql);
    statement.bind(1, query.event_id.value_or(0));
    std::vector<Followup> list;
    while (statement.executeStep()) {
        Followup f;
        f.id = statement.getColumn(0).getInt64();
        f.person_id = statement.getColumn(1).getInt64();
        f.person_name = statement.getColumn(2).getString();
        f.person_email = statement.getColumn(3).getString();
        f.by_me = statement.getColumn(4).getInt() != 0;
        f.text = statement.getColumn(5).getString();
        f.due = statement.getColumn(6).getString();
        f.done_at = statement.getColumn(7).getString();
        f.event_name = statement.getColumn(8).getString();
        f.group = group_of(f.due, now);
        if (query.only && f.group != *query.only) continue;
        list.push_back(std::move(f));
    }
    // Overdue, today, later; what the user promised first (keep your promises), then by due time.
    std::sort(list.begin(), list.end(), [](const Followup& a, const Followup& b) {
        return std::make_tuple(static_cast<int>(a.group), !a.by_me, a.due, a.id) <
               std::make_tuple(static_cast<int>(b.group), !b.by_me, b.due, b.id);
    });
    return list;
}

Status mark_done(storage::Database& db, Id promise_id) { return set_done(db, promise_id, true); }
Status mark_open(storage::Database& db, Id promise_id) { return set_done(db, promise_id, false); }

std::vector<Acquaintance> to_thank(storage::Database& db, Id event_id) {
    return acquaintances(db, event_id, "m.thanked_at IS NULL");
}

Status mark_thanked(storage::Database& db, Id event_id, Id person_id) {
    try {
        SQLite::Statement update(db.sql(), "UPDATE meeting SET thanked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                           "WHERE event_id = ? AND person_id = ? AND thanked_at IS NULL");
        update.bind(1, event_id);
        update.bind(2, person_id);
        update.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the thank-you");
    }
}

std::vector<Acquaintance> to_connect(storage::Database& db, Id event_id) {
    return acquaintances(db, event_id, "p.linkedin_connected = 0 AND p.url LIKE '%linkedin.%'");
}

Status mark_connected(storage::Database& db, Id person_id) {
    try {
        SQLite::Statement update(db.sql(), "UPDATE person SET linkedin_connected = 1 WHERE id = ?");
        update.bind(1, person_id);
        if (update.exec() == 0) return make_error("There is no person with id " + std::to_string(person_id) + ".");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the connection");
    }
}

Result<EventReview> review_event(storage::Database& db, Id event_id) {
    auto event = EventStore(db).get(event_id);
    if (!event) return make_error("There is no event with id " + std::to_string(event_id) + ".");
    try {
        EventReview review;
        review.event_id = event_id;
        review.name = event->name;
        review.date = event->date;
        review.targets = count(db, "SELECT count(*) FROM target WHERE event_id = ?", event_id);
        review.targets_met = count(db, "SELECT count(*) FROM target t JOIN meeting m ON m.event_id = t.event_id "
                                       "AND m.person_id = t.person_id WHERE t.event_id = ?", event_id);
        review.met = count(db, "SELECT count(*) FROM meeting WHERE event_id = ?", event_id);
        review.promised_by_me = count(db, "SELECT count(*) FROM promise WHERE event_id = ? AND by_me = 1", event_id);
        review.kept_by_me = count(db, "SELECT count(*) FROM promise WHERE event_id = ? AND by_me = 1 AND done_at IS NOT NULL",
                                  event_id);
        review.promised_to_me = count(db, "SELECT count(*) FROM promise WHERE event_id = ? AND by_me = 0", event_id);
        review.kept_to_me = count(db, "SELECT count(*) FROM promise WHERE event_id = ? AND by_me = 0 AND done_at IS NOT NULL",
                                  event_id);
        review.thanked = count(db, "SELECT count(*) FROM meeting WHERE event_id = ? AND thanked_at IS NOT NULL", event_id);
        // New: met here, not at any earlier meeting, and now someone the user has a relationship with.
        review.new_relationships =
            count(db,
                  "SELECT count(*) FROM meeting m JOIN person p ON p.id = m.person_id WHERE m.event_id = ?1 "
                  "AND p.relation <> 'none' AND NOT EXISTS (SELECT 1 FROM meeting o WHERE o.person_id = m.person_id "
                  "AND o.event_id <> m.event_id AND o.met_at < m.met_at)",
                  event_id);
        SQLite::Statement rating(db.sql(), "SELECT rating FROM event WHERE id = ?");
        rating.bind(1, event_id);
        if (rating.executeStep() && !rating.getColumn(0).isNull()) review.rating = rating.getColumn(0).getInt();
        return review;
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "reading the review");
    }
}

std::vector<EventReview> review_all(storage::Database& db) {
    std::vector<EventReview> reviews;
    auto events = EventStore(db).list();
    std::reverse(events.begin(), events.end());  // oldest first
    for (const Event& event : events)
        if (auto review = review_event(db, event.id); review.ok()) reviews.push_back(std::move(*review));
    return reviews;
}

Status set_rating(storage::Database& db, Id event_id, std::optional<int> rating) {
    if (rating && (*rating < 1 || *rating > 5))
        return make_error("A rating is from 1 (not worth it) to 5 (very worth it), not " + std::to_string(*rating) + ".");
    try {
        SQLite::Statement update(db.sql(), "UPDATE event SET rating = ? WHERE id = ?");
        if (rating) update.bind(1, *rating);
        else update.bind(1);
        update.bind(2, event_id);
        if (update.exec() == 0) return make_error("That event no longer exists.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the rating");
    }
}

std::string_view contact_kind_key(ContactKind kind) {
    switch (kind) {
        case ContactKind::Contact: return "contact";
        case ContactKind::Gave: return "gave";
        case ContactKind::Received: return "received";
    }
    return "contact";
}

std::optional<ContactKind> parse_contact_kind(std::string_view key) {
    for (ContactKind kind : {ContactKind::Contact, ContactKind::Gave, ContactKind::Received})
        if (contact_kind_key(kind) == key) return kind;
    return std::nullopt;
}

Result<Id> log_contact(storage::Database& db, Id person_id, ContactKind kind, std::string_view text) {
    try {
        if (!person_exists(db, person_id))
            return make_error("There is no person with id " + std::to_string(person_id) + ". See mingle people.");
        SQLite::Statement insert(db.sql(), "INSERT INTO contact_log(person_id, kind, text) VALUES (?, ?, ?)");
        insert.bind(1, person_id);
        insert.bind(2, std::string(contact_kind_key(kind)));
        insert.bind(3, text::collapse_spaces(text));
        insert.exec();
        return static_cast<Id>(db.sql().getLastInsertRowid());
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the contact");
    }
}

std::vector<NurtureItem> due_to_nurture(storage::Database& db, const KeepInTouch& cadence) {
    SQLite::Statement query(
        db.sql(),
        std::string("WITH last AS (SELECT p.id AS id, max(coalesce((SELECT max(at) FROM contact_log c WHERE c.person_id = p.id), ''), "
                    "coalesce((SELECT max(met_at) FROM meeting m WHERE m.person_id = p.id), '')) AS at FROM person p "
                    "WHERE p.relation <> 'none') "
                    "SELECT ") +
            kPersonColumns +
            ", last.at, CASE WHEN last.at = '' THEN 100000 ELSE CAST(julianday('now') - julianday(last.at) AS INTEGER) END "
            "FROM last JOIN person p ON p.id = last.id");
    std::vector<NurtureItem> due;
    while (query.executeStep()) {
        NurtureItem item;
        item.person = read_person(query);
        item.last_contact = query.getColumn(kPersonColumnCount).getString();
        item.days_since = query.getColumn(kPersonColumnCount + 1).getInt();
        switch (item.person.relation) {
            case Relation::Inner: item.cadence_days = cadence.inner_days; break;
            case Relation::Vip: item.cadence_days = cadence.vip_days; break;
            case Relation::Good: item.cadence_days = cadence.good_days; break;
            case Relation::Card: item.cadence_days = cadence.card_days; break;
            case Relation::None: item.cadence_days = 0; break;
        }
        if (item.cadence_days > 0 && item.days_since >= item.cadence_days) due.push_back(std::move(item));
    }
    for (NurtureItem& item : due) {
        const TrustBalance balance = trust_balance(db, item.person.id);
        item.gave = balance.gave;
        item.received = balance.received;
    }
    std::sort(due.begin(), due.end(), [](const NurtureItem& a, const NurtureItem& b) {
        return std::make_tuple(-(a.days_since - a.cadence_days), a.person.id) <
               std::make_tuple(-(b.days_since - b.cadence_days), b.person.id);
    });
    return due;
}

TrustBalance trust_balance(storage::Database& db, Id person_id) {
    TrustBalance balance;
    SQLite::Statement log(db.sql(), "SELECT kind, text, at FROM contact_log WHERE person_id = ? ORDER BY at DESC, id DESC");
    log.bind(1, person_id);
    while (log.executeStep()) {
        ContactEntry entry{parse_contact_kind(log.getColumn(0).getString()).value_or(ContactKind::Contact),
                           log.getColumn(1).getString(), log.getColumn(2).getString()};
        if (entry.kind == ContactKind::Gave) ++balance.gave;
        if (entry.kind == ContactKind::Received) ++balance.received;
        balance.entries.push_back(std::move(entry));
    }
    // Promises kept count too: the user's given, theirs received.
    SQLite::Statement kept(db.sql(), "SELECT sum(by_me), sum(1 - by_me) FROM promise WHERE person_id = ? AND done_at IS NOT NULL");
    kept.bind(1, person_id);
    if (kept.executeStep()) {
        balance.gave += kept.getColumn(0).getInt();
        balance.received += kept.getColumn(1).getInt();
    }
    return balance;
}

}  // namespace mingle
