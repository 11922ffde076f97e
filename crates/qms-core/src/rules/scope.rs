//! Scope and regulation rules (TCVN ISO 9001:2015 4.3; Quyết định 19/2014/QĐ-TTg).

use super::context::{Context, blank, vi_date};
use super::{Emitter, Severity};
use crate::load::JsonPath;
use crate::{Edition, catalog};
use chrono::NaiveDate;
use std::collections::BTreeSet;

fn scope() -> JsonPath {
    JsonPath::root().key("scope")
}

/// QMS-S001: an excluded clause without a reason.
pub(super) fn exclusion_without_reason(ctx: &Context, e: &mut Emitter) {
    for (i, x) in ctx.d.scope.exclusions.iter().enumerate() {
        if blank(&x.reason) {
            e.emit(
                scope().key("exclusions").index(i).key("reason"),
                format!(
                    "điều khoản {} được xác định không áp dụng nhưng không nêu lý do",
                    x.clause
                ),
                format!("clause {} is excluded without a justification", x.clause),
            );
        }
    }
}

/// QMS-S002: an exclusion outside the clause where exclusions are allowed.
pub(super) fn exclusion_outside_operation(ctx: &Context, e: &mut Emitter) {
    // 2015: only requirements that do not affect conformity, in practice clause 8;
    // 2008 (1.2): only clause 7.
    let allowed = if ctx.edition == Edition::Iso9001_2008 {
        "7"
    } else {
        "8"
    };
    for (i, x) in ctx.d.scope.exclusions.iter().enumerate() {
        if !catalog::is_within(allowed, &x.clause) {
            e.emit(
                scope().key("exclusions").index(i).key("clause"),
                format!("điều khoản {} nằm ngoài điều {allowed}; việc không áp dụng có thể ảnh hưởng đến sự phù hợp của HTQLCL", x.clause),
                format!("clause {} is outside clause {allowed}; excluding it may affect the conformity of the QMS", x.clause),
            );
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What changed since the last announcement: its index and the changes in Vietnamese and
/// English; `None` when the QMS was never announced.
pub(crate) fn changes_since_announcement(
    d: &crate::Dossier,
) -> Option<(usize, Vec<String>, Vec<String>)> {
    let (i, a) = d
        .announcements
        .iter()
        .enumerate()
        .max_by_key(|(_, a)| a.date)?;
    let s = &d.scope;
    let mut changes_vi = Vec::new();
    let mut changes_en = Vec::new();
    if a.edition != s.edition {
        changes_vi.push(format!(
            "phiên bản tiêu chuẩn ({} → {})",
            a.edition, s.edition
        ));
        changes_en.push(format!("edition ({} → {})", a.edition, s.edition));
    }
    if squash(&a.scope_text) != squash(&s.text) {
        changes_vi.push("nội dung phạm vi".to_owned());
        changes_en.push("scope text".to_owned());
    }
    let then: BTreeSet<&str> = a.exclusions.iter().map(String::as_str).collect();
    let now: BTreeSet<&str> = s.exclusions.iter().map(|x| x.clause.as_str()).collect();
    if then != now {
        changes_vi.push("các điều khoản không áp dụng".to_owned());
        changes_en.push("excluded clauses".to_owned());
    }
    if !a.procedures.is_empty() {
        let then: BTreeSet<&str> = a.procedures.iter().map(String::as_str).collect();
        let now: BTreeSet<&str> = d.procedures.iter().map(|p| p.id.as_str()).collect();
        let added: Vec<&str> = now.difference(&then).copied().collect();
        let removed: Vec<&str> = then.difference(&now).copied().collect();
        if !added.is_empty() {
            changes_vi.push(format!("thêm quy trình {}", added.join(", ")));
            changes_en.push(format!("procedures added: {}", added.join(", ")));
        }
        if !removed.is_empty() {
            changes_vi.push(format!("bỏ quy trình {}", removed.join(", ")));
            changes_en.push(format!("procedures removed: {}", removed.join(", ")));
        }
    }
    if !a.units.is_empty() {
        let then: BTreeSet<&str> = a.units.iter().map(String::as_str).collect();
        // A scope that lists no units covers every unit of the agency.
        let now: BTreeSet<&str> = if s.units.is_empty() {
            d.units.iter().map(|u| u.id.as_str()).collect()
        } else {
            s.units.iter().map(String::as_str).collect()
        };
        let added: Vec<&str> = now.difference(&then).copied().collect();
        let removed: Vec<&str> = then.difference(&now).copied().collect();
        if !added.is_empty() {
            changes_vi.push(format!("thêm đơn vị {}", added.join(", ")));
            changes_en.push(format!("units added: {}", added.join(", ")));
        }
        if !removed.is_empty() {
            changes_vi.push(format!("bỏ đơn vị {}", removed.join(", ")));
            changes_en.push(format!("units removed: {}", removed.join(", ")));
        }
    }
    Some((i, changes_vi, changes_en))
}

/// QMS-S003: the scope changed after the last announcement.
pub(super) fn scope_changed(ctx: &Context, e: &mut Emitter) {
    let Some((i, changes_vi, changes_en)) = changes_since_announcement(ctx.d) else {
        return;
    };
    let Some(a) = ctx.d.announcements.get(i) else {
        return;
    };
    if a.units.is_empty() {
        // Without the announced units a unit that joined the scope cannot be seen.
        e.emit_as(
            Severity::Info,
            JsonPath::root().key("announcements").index(i).key("units"),
            format!(
                "quyết định công bố số {} không ghi các đơn vị thuộc phạm vi đã công bố (units): không kiểm tra được việc phạm vi có thêm đơn vị",
                a.decision_number
            ),
            format!(
                "announcement no. {} does not list the units it covered (units): a unit added to the scope cannot be detected",
                a.decision_number
            ),
        );
    }
    if !changes_vi.is_empty() {
        e.emit(
            JsonPath::root().key("announcements").index(i),
            format!(
                "phạm vi HTQLCL đã thay đổi so với lần công bố ngày {} (số {}): {}; cần công bố lại",
                vi_date(a.date),
                a.decision_number,
                changes_vi.join("; ")
            ),
            format!(
                "the QMS scope changed since the announcement of {} (no. {}): {}; it must be announced again",
                a.date,
                a.decision_number,
                changes_en.join("; ")
            ),
        );
    }
}

/// QMS-S004: still on the 2008 edition after the transition deadline.
pub(super) fn legacy_edition(ctx: &Context, e: &mut Emitter) {
    let deadline = NaiveDate::from_ymd_opt(2021, 6, 30).unwrap_or(NaiveDate::MAX);
    if ctx.edition == Edition::Iso9001_2008 && ctx.today > deadline {
        e.emit(
            scope().key("edition"),
            "HTQLCL vẫn áp dụng TCVN ISO 9001:2008; thời hạn chuyển đổi sang TCVN ISO 9001:2015 đối với cơ quan hành chính nhà nước đã hết ngày 30/6/2021 (dùng `qms convert` để chuyển đổi)".into(),
            "the QMS still follows TCVN ISO 9001:2008; the deadline for state agencies to move to TCVN ISO 9001:2015 passed on 30 June 2021 (use `qms convert`)".into(),
        );
    }
}

/// QMS-S005: the QMS was never announced.
pub(super) fn never_announced(ctx: &Context, e: &mut Emitter) {
    if ctx.d.announcements.is_empty() {
        e.emit(
            JsonPath::root().key("announcements"),
            "chưa ghi nhận quyết định công bố HTQLCL phù hợp TCVN ISO 9001".into(),
            "no announcement of the QMS's conformity with TCVN ISO 9001 is recorded".into(),
        );
    }
}
