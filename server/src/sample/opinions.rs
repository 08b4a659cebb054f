//! Invented opinions, each taken along the handling chain as far as its age allows: the
//! timeline events, units, due dates (working days on the stored calendar), replies, ratings,
//! publication and the audit entries staff steps write, named as `opinions::step` names them.

use crate::opinions::step::Step;
use crate::opinions::store::WorkCalendar;
use crate::sample::store::{Rows, Value};
use crate::sample::{texts, Plan};
use deputy_homes_api::meetings::activity::{civil_from_days, format_date};
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::opinions::handling::{EventKind, RejectOpinion, RejectReason};
use deputy_homes_api::opinions::workdays::{end_of_day_ms, hohhot_day};
use deputy_homes_api::opinions::{tracking_number, Category, OpinionStatus};
use rand::rngs::StdRng;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

const OPINION_COLUMNS: &[&str] = &[
    "id",
    "tracking_number",
    "private_token_hash",
    "category",
    "home_id",
    "title",
    "body",
    "contact_name",
    "contact_phone",
    "consent_at_ms",
    "allow_publish",
    "status",
    "reply_class",
    "rating",
    "due_at_ms",
    "created_at_ms",
    "updated_at_ms",
    "reject_reason",
    "reject_message",
    "assigned_at_ms",
    "reply_text",
    "replied_at_ms",
    "rating_comment",
    "rated_at_ms",
    "published_at_ms",
    "near_duplicates_checked",
    "personal_data_erased_at_ms",
    "sample",
];
const EVENT_COLUMNS: &[&str] = &[
    "id",
    "opinion_id",
    "kind",
    "status",
    "actor",
    "note",
    "internal_note",
    "at_ms",
];
const AUDIT_COLUMNS: &[&str] = &[
    "id",
    "actor_account_id",
    "at_ms",
    "action",
    "target",
    "details",
    "seq",
];

/// The rows of one batch of opinions.
#[derive(Debug, Clone)]
pub struct OpinionRows {
    pub opinions: Rows,
    pub events: Rows,
    pub units: Rows,
    pub audit: Rows,
}

/// What the opinions need from the database and carry from batch to batch.
#[derive(Debug)]
pub struct Context<'a> {
    pub home_ids: &'a [String],
    pub unit_ids: &'a [String],
    pub calendar: &'a WorkCalendar,
    /// The staff account that takes the steps.
    pub staff: &'a str,
    /// Each day's last tracking sequence (`day:20261128`), raised as numbers are taken.
    pub day_counters: HashMap<String, i64>,
    pub next_audit_seq: i64,
    pub made: usize,
}

/// Makes opinions submitted at these moments (in order).
pub fn batch(
    plan: &Plan,
    context: &mut Context<'_>,
    submitted: &[i64],
    rng: &mut StdRng,
) -> anyhow::Result<OpinionRows> {
    let mut rows = OpinionRows {
        opinions: Rows::new("opinions", OPINION_COLUMNS),
        events: Rows::new("opinion_events", EVENT_COLUMNS),
        units: Rows::new(
            "opinion_units",
            &["opinion_id", "unit_id", "assigned_at_ms"],
        ),
        audit: Rows::new("audit_log", AUDIT_COLUMNS),
    };
    for created in submitted {
        one(plan, context, *created, &mut rows, rng)?;
    }
    Ok(rows)
}

/// The opinion being made, and the steps it took.
struct Draft {
    id: String,
    number: String,
    status: OpinionStatus,
    values: BTreeMap<&'static str, Value>,
    last_at: i64,
}

fn one(
    plan: &Plan,
    context: &mut Context<'_>,
    created: i64,
    rows: &mut OpinionRows,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    context.made += 1;
    let (year, month, day) = civil_from_days(hohhot_day(created));
    let counter = context
        .day_counters
        .entry(format!("day:{year:04}{month:02}{day:02}"))
        .or_insert(0);
    *counter += 1;
    let category = Category::ALL[rng.gen_range(0..Category::ALL.len())];
    let (title, body) = texts::opinions(category)[rng.gen_range(0..2)];
    let with_contact = rng.gen_bool(0.75);
    let allow_publish = rng.gen_bool(0.8);
    let mut token = [0u8; 32];
    rng.fill_bytes(&mut token);
    let mut draft = Draft {
        id: format!("sample-o{}-{}", plan.seed, context.made),
        number: tracking_number(year, month, day, *counter),
        status: OpinionStatus::Submitted,
        values: BTreeMap::new(),
        last_at: created,
    };
    let home = rng
        .gen_bool(0.85)
        .then(|| context.home_ids[rng.gen_range(0..context.home_ids.len())].clone());
    for (column, value) in [
        (
            "private_token_hash",
            hex::encode(Sha256::digest(token)).into(),
        ),
        ("category", category.code().into()),
        ("home_id", home.into()),
        ("title", title.into()),
        ("body", body.into()),
        ("consent_at_ms", created.into()),
        ("allow_publish", i64::from(allow_publish).into()),
        ("created_at_ms", created.into()),
        ("near_duplicates_checked", 1.into()),
        ("sample", 1.into()),
    ] {
        draft.values.insert(column, value);
    }
    event(rows, &draft, EventKind::Submitted, "citizen", (None, None));
    walk(
        plan,
        context,
        &mut draft,
        (allow_publish, category),
        rows,
        rng,
    )?;
    let ended = draft.status.next_steps().is_empty();
    if with_contact && !(ended && draft.last_at < plan.personal_data_before_ms()) {
        let n = context.made;
        draft
            .values
            .insert("contact_name", texts::citizen_name(n).into());
        draft
            .values
            .insert("contact_phone", texts::citizen_phone(n).into());
    } else if with_contact {
        // Past the retention period: erased, as housekeeping would have.
        draft
            .values
            .insert("personal_data_erased_at_ms", plan.now_ms.into());
    }
    draft.values.insert("status", draft.status.code().into());
    draft.values.insert("updated_at_ms", draft.last_at.into());
    let row = OPINION_COLUMNS
        .iter()
        .map(|column| match *column {
            "id" => draft.id.clone().into(),
            "tracking_number" => draft.number.clone().into(),
            c => draft.values.remove(c).unwrap_or_else(|| null_of(c)),
        })
        .collect();
    rows.opinions.push(row);
    Ok(())
}

/// The NULL of a column the opinion did not reach.
fn null_of(column: &str) -> Value {
    if column.ends_with("_ms") || column == "rating" {
        Value::NoInt
    } else {
        Value::NoText
    }
}

/// Takes the opinion along the chain, one step after another, until a step would fall after
/// now or the chain ends.
fn walk(
    plan: &Plan,
    context: &mut Context<'_>,
    draft: &mut Draft,
    (allow_publish, category): (bool, Category),
    rows: &mut OpinionRows,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    const HOUR: i64 = 3_600_000;
    let mut at = draft.last_at;
    let mut next = |hours: std::ops::Range<i64>, rng: &mut StdRng| {
        at += rng.gen_range(hours) * HOUR;
        (at < plan.now_ms).then_some(at)
    };
    let Some(t) = next(2..72, rng) else {
        return Ok(());
    };
    if rng.gen_bool(0.12) {
        let reject = RejectOpinion {
            reason: RejectReason::InLitigation,
            duplicate_of: None,
            message: texts::REJECT_MESSAGE.into(),
        };
        draft.values.insert("reject_reason", "in_litigation".into());
        draft
            .values
            .insert("reject_message", texts::REJECT_MESSAGE.into());
        let details = [("reason", "in_litigation".to_owned())];
        let note = Some(texts::REJECT_MESSAGE);
        return staff_step(
            context,
            rows,
            draft,
            (&Step::Reject(&reject), t),
            (note, &details),
        );
    }
    staff_step(
        context,
        rows,
        draft,
        (&Step::Accept { note: None }, t),
        (Some(texts::ACCEPT_NOTE), &[]),
    )?;
    let Some(t) = next(24..120, rng) else {
        return Ok(());
    };
    let units = pick_units(context.unit_ids, category, rng);
    let due_day = context
        .calendar
        .working_days_after(hohhot_day(t), plan.due_working_days);
    let due = end_of_day_ms(due_day);
    for unit in &units {
        rows.units
            .push(vec![draft.id.clone().into(), unit.clone().into(), t.into()]);
    }
    draft.values.insert("assigned_at_ms", t.into());
    draft.values.insert("due_at_ms", due.into());
    let assign = Step::Assign {
        unit_ids: &units,
        note: None,
        due_at_ms: due,
    };
    let details = [
        ("unit_ids", units.join(",")),
        ("due_date", format_date(due_day)),
    ];
    staff_step(context, rows, draft, (&assign, t), (None, &details))?;
    let Some(t) = next(4..72, rng) else {
        return Ok(());
    };
    staff_step(
        context,
        rows,
        draft,
        (&Step::Acknowledge { note: None }, t),
        (None, &[]),
    )?;
    let Some(t) = next(7 * 24..70 * 24, rng) else {
        return Ok(());
    };
    let class = [ReplyClass::A, ReplyClass::A, ReplyClass::B, ReplyClass::C][rng.gen_range(0..4)];
    let text = texts::REPLIES[match class {
        ReplyClass::A => 0,
        ReplyClass::B => 1,
        ReplyClass::C => 2,
    }];
    draft.values.insert("reply_class", class.code().into());
    draft.values.insert("reply_text", text.into());
    draft.values.insert("replied_at_ms", t.into());
    let reply = Step::Reply { class, text };
    staff_step(
        context,
        rows,
        draft,
        (&reply, t),
        (Some(text), &[("class", class.code().to_owned())]),
    )?;
    let ending = rng.gen_range(0..20);
    if ending < 12 {
        let Some(t) = next(24..14 * 24, rng) else {
            return Ok(());
        };
        let score = [3, 3, 2, 1][rng.gen_range(0..4)];
        let comment = texts::RATING_COMMENTS[(3 - score) as usize];
        draft.values.insert("rating", score.into());
        draft.values.insert("rating_comment", comment.into());
        draft.values.insert("rated_at_ms", t.into());
        draft.status = OpinionStatus::Rated;
        draft.last_at = t;
        event(
            rows,
            draft,
            EventKind::Rated,
            "citizen",
            (Some(comment), None),
        );
        if ending == 11 {
            return Ok(());
        }
    } else if ending > 17 {
        return Ok(());
    }
    let Some(t) = next(24..7 * 24, rng) else {
        return Ok(());
    };
    if allow_publish {
        draft.values.insert("published_at_ms", t.into());
        staff_step(
            context,
            rows,
            draft,
            (&Step::Publish { note: None }, t),
            (None, &[]),
        )
    } else {
        staff_step(
            context,
            rows,
            draft,
            (&Step::Close { note: None }, t),
            (None, &[]),
        )
    }
}

/// A staff step: the new status, its timeline event and its audit entry.
fn staff_step(
    context: &mut Context<'_>,
    rows: &mut OpinionRows,
    draft: &mut Draft,
    (step, at): (&Step<'_>, i64),
    (note, extra): (Option<&str>, &[(&str, String)]),
) -> anyhow::Result<()> {
    let from = draft.status;
    if let Some(to) = step.target() {
        debug_assert!(from.can_become(to), "{from:?} to {to:?}");
        draft.status = to;
    }
    draft.last_at = at;
    event(rows, draft, step.kind(), context.staff, (note, None));
    let mut details: BTreeMap<String, String> = extra
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    if let Some(note) = note {
        details.insert("note".into(), note.into());
    }
    details.insert("from".into(), from.code().into());
    details.insert("to".into(), draft.status.code().into());
    context.next_audit_seq += 1;
    rows.audit.push(vec![
        format!("{}-{}", draft.id, context.next_audit_seq).into(),
        context.staff.into(),
        at.into(),
        step.action().into(),
        draft.number.clone().into(),
        serde_json::to_string(&details)?.into(),
        context.next_audit_seq.into(),
    ]);
    Ok(())
}

/// Adds a timeline event at the draft's last step.
fn event(
    rows: &mut OpinionRows,
    draft: &Draft,
    kind: EventKind,
    actor: &str,
    (note, internal): (Option<&str>, Option<&str>),
) {
    let kind = serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    rows.events.push(vec![
        format!("{}-{}", draft.id, rows.events.rows.len()).into(),
        draft.id.clone().into(),
        kind.into(),
        draft.status.code().into(),
        actor.into(),
        note.map(str::to_owned).into(),
        internal.map(str::to_owned).into(),
        draft.last_at.into(),
    ]);
}

/// The unit that handles the category's matters, sometimes with a district government too.
fn pick_units(active: &[String], category: Category, rng: &mut StdRng) -> Vec<String> {
    let preferred = match category {
        Category::UrbanConstruction => "u-zjj",
        Category::Transport => "u-jtj",
        Category::Education => "u-jyj",
        Category::Health => "u-wjw",
        Category::EcologyEnvironment => "u-sthjj",
        Category::BusinessEnvironment => "u-scjgj",
        Category::SocialSecurity => "u-rsj",
        Category::PublicSafety => "u-gaj",
        Category::Other => "u-mzj",
    };
    let first = if active.iter().any(|u| u == preferred) {
        preferred.to_owned()
    } else {
        active[rng.gen_range(0..active.len())].clone()
    };
    let mut units = vec![first];
    let second = &active[rng.gen_range(0..active.len())];
    if rng.gen_bool(0.15) && !units.contains(second) {
        units.push(second.clone());
    }
    units
}
