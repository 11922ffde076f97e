//! Internal audit rules (TCVN ISO 9001:2015 9.2, ISO 19011).

use super::Emitter;
use super::context::{Context, blank, en_date, vi_date};
use crate::catalog;
use crate::load::JsonPath;
use crate::model::{AuditProgramme, ItemResult, TeamRole};
use chrono::Datelike;
use std::collections::HashSet;

fn root(k: &str) -> JsonPath {
    JsonPath::root().key(k)
}

fn programme_of_year<'d>(ctx: &Context<'d>) -> Option<(usize, &'d AuditProgramme)> {
    let year = ctx.today.year();
    ctx.d
        .programmes
        .iter()
        .enumerate()
        .find(|(_, p)| p.year == year)
}

/// QMS-A000: no audit programme for the current year.
pub(super) fn programme_missing(ctx: &Context, e: &mut Emitter) {
    if programme_of_year(ctx).is_none() {
        let y = ctx.today.year();
        e.emit(
            root("programmes"),
            format!("chưa có chương trình đánh giá nội bộ năm {y}"),
            format!("there is no internal audit programme for {y}"),
        );
    }
}

/// Units in the QMS scope (all units when the scope names none).
fn units_in_scope<'d>(ctx: &Context<'d>) -> Vec<&'d str> {
    if ctx.d.scope.units.is_empty() {
        ctx.d.units.iter().map(|u| u.id.as_str()).collect()
    } else {
        ctx.d.scope.units.iter().map(String::as_str).collect()
    }
}

/// QMS-A001: a unit in scope that the year's programme does not audit.
pub(super) fn unit_not_covered(ctx: &Context, e: &mut Emitter) {
    let Some((pi, p)) = programme_of_year(ctx) else {
        return;
    };
    let covered: HashSet<&str> = p.planned.iter().map(|a| a.unit.as_str()).collect();
    for unit in units_in_scope(ctx) {
        if !covered.contains(unit) {
            let name = ctx.unit_name(unit);
            e.emit(
                root("programmes").index(pi).key("planned"),
                format!(
                    "chương trình đánh giá năm {} không có cuộc đánh giá nào tại {name} ({unit})",
                    p.year
                ),
                format!(
                    "the {} audit programme does not audit {name} ({unit})",
                    p.year
                ),
            );
        }
    }
}

/// QMS-A002: an applicable clause that the year's programme does not cover.
pub(super) fn clause_not_covered(ctx: &Context, e: &mut Emitter) {
    let Some((pi, p)) = programme_of_year(ctx) else {
        return;
    };
    let mut covered: Vec<&str> = Vec::new();
    for planned in &p.planned {
        covered.extend(planned.clauses.iter().map(String::as_str));
        for proc_id in &planned.procedures {
            if let Some(proc) = ctx.d.procedures.iter().find(|x| &x.id == proc_id) {
                covered.extend(proc.clauses.iter().map(String::as_str));
            }
        }
    }
    let excluded: Vec<&str> = ctx
        .d
        .scope
        .exclusions
        .iter()
        .map(|x| x.clause.as_str())
        .collect();
    let mut missing = Vec::new();
    for clause in catalog::clauses(ctx.edition)
        .iter()
        .filter(|c| c.depth() == 2)
    {
        if excluded.iter().any(|x| catalog::is_within(x, clause.id)) {
            continue;
        }
        let hit = covered
            .iter()
            .any(|c| catalog::is_within(c, clause.id) || catalog::is_within(clause.id, c));
        if !hit {
            missing.push(clause.id);
        }
    }
    if !missing.is_empty() {
        let list = missing.join(", ");
        e.emit(
            root("programmes").index(pi).key("planned"),
            format!(
                "chương trình đánh giá năm {} chưa bao quát các điều khoản: {list}",
                p.year
            ),
            format!(
                "the {} audit programme does not cover clauses {list}",
                p.year
            ),
        );
    }
}

/// QMS-A003: the last internal audit is older than the interval.
pub(super) fn audit_overdue(ctx: &Context, e: &mut Emitter) {
    let months = ctx.d.settings.thresholds.audit_interval_months;
    let last = ctx.d.audits.iter().map(|a| a.plan.end).max();
    match last {
        None => e.emit(
            root("audits"),
            "chưa có cuộc đánh giá nội bộ nào được ghi nhận".into(),
            "no internal audit is recorded".into(),
        ),
        Some(last) if last < ctx.months_ago(months) => e.emit(
            root("audits"),
            format!(
                "cuộc đánh giá nội bộ gần nhất kết thúc ngày {}, đã quá {months} tháng",
                vi_date(last)
            ),
            format!(
                "the last internal audit ended on {}, more than {months} months ago",
                en_date(last)
            ),
        ),
        Some(_) => {}
    }
}

/// QMS-A004: an auditor assigned to audit their own unit.
pub(super) fn own_unit(ctx: &Context, e: &mut Emitter) {
    // TCVN ISO 9001:2008 8.2.2 forbids it outright; 2015 asks for objectivity and impartiality.
    let severity = if ctx.edition == crate::Edition::Iso9001_2008 {
        super::Severity::Error
    } else {
        super::Severity::Warning
    };
    let home = |p: &str| ctx.person(p).and_then(|p| p.unit.as_deref());
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        let at = || root("audits").index(ai);
        for (ci, c) in a.checklists.iter().enumerate() {
            if home(&c.auditor) == Some(c.unit.as_str()) {
                e.emit_as(
                    severity,
                    at().key("checklists").index(ci).key("auditor"),
                    format!(
                        "chuyên gia {} đánh giá chính đơn vị của mình ({}) trong phiếu {}",
                        ctx.who(&c.auditor),
                        ctx.unit_name(&c.unit),
                        c.id
                    ),
                    format!(
                        "auditor {} audits their own unit ({}) in checklist {}",
                        ctx.who(&c.auditor),
                        ctx.unit_name(&c.unit),
                        c.id
                    ),
                );
            }
        }
        for (ri, row) in a.plan.schedule.iter().enumerate() {
            let Some(unit) = &row.unit else { continue };
            for (k, auditor) in row.auditors.iter().enumerate() {
                if home(auditor) == Some(unit.as_str()) {
                    e.emit_as(
                        severity,
                        at().key("plan")
                            .key("schedule")
                            .index(ri)
                            .key("auditors")
                            .index(k),
                        format!(
                            "lịch đánh giá phân công {} đánh giá chính đơn vị của mình ({})",
                            ctx.who(auditor),
                            ctx.unit_name(unit)
                        ),
                        format!(
                            "the schedule assigns {} to audit their own unit ({})",
                            ctx.who(auditor),
                            ctx.unit_name(unit)
                        ),
                    );
                }
            }
        }
    }
}

/// QMS-A005: an assigned auditor without an internal-auditor training record.
pub(super) fn untrained_auditor(ctx: &Context, e: &mut Emitter) {
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut assigned: Vec<(&str, JsonPath)> = Vec::new();
        for (i, m) in a.plan.team.iter().enumerate() {
            if matches!(m.role, TeamRole::Lead | TeamRole::Auditor) {
                assigned.push((
                    &m.person,
                    root("audits").index(ai).key("plan").key("team").index(i),
                ));
            }
        }
        for (ci, c) in a.checklists.iter().enumerate() {
            assigned.push((
                &c.auditor,
                root("audits")
                    .index(ai)
                    .key("checklists")
                    .index(ci)
                    .key("auditor"),
            ));
        }
        for (person, path) in assigned {
            if !seen.insert(person) {
                continue;
            }
            let trained = ctx.person(person).is_some_and(|p| p.is_qualified_auditor());
            if !trained {
                e.emit(
                    path,
                    format!(
                        "chuyên gia {} được phân công đánh giá nhưng chưa có hồ sơ đào tạo chuyên gia đánh giá nội bộ hay năng lực được công nhận (qualifications)",
                        ctx.who(person)
                    ),
                    format!(
                        "auditor {} is assigned but has no internal-auditor training record or standing qualification (qualifications)",
                        ctx.who(person)
                    ),
                );
            }
        }
    }
}

/// QMS-A006: an audit plan without objectives, scope, criteria or schedule.
pub(super) fn incomplete_plan(ctx: &Context, e: &mut Emitter) {
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        let p = &a.plan;
        let gaps = [
            (p.objectives.is_empty(), "objectives", "mục tiêu"),
            (blank(&p.scope), "scope", "phạm vi"),
            (p.criteria.is_empty(), "criteria", "chuẩn mực"),
            (p.schedule.is_empty(), "schedule", "lịch trình"),
        ];
        for (missing, key, vi) in gaps {
            if missing {
                e.emit(
                    root("audits").index(ai).key("plan").key(key),
                    format!("kế hoạch đánh giá \"{}\" thiếu {vi} đánh giá", a.title),
                    format!("the plan of audit \"{}\" has no {key}", a.title),
                );
            }
        }
    }
}

/// QMS-A007: a checklist item marked nonconform with no finding.
pub(super) fn nonconform_without_finding(ctx: &Context, e: &mut Emitter) {
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        let linked: HashSet<(&str, &str)> = a
            .findings
            .iter()
            .filter_map(|f| Some((f.checklist.as_deref()?, f.item.as_deref()?)))
            .collect();
        for (ci, c) in a.checklists.iter().enumerate() {
            for (ii, item) in c.items.iter().enumerate() {
                if item.result == ItemResult::Nonconform
                    && !linked.contains(&(c.id.as_str(), item.id.as_str()))
                {
                    e.emit(
                        root("audits").index(ai).key("checklists").index(ci).key("items").index(ii).key("result"),
                        format!("câu hỏi {} của phiếu {} được đánh giá \"Không phù hợp\" nhưng chưa có phát hiện nào ghi nhận", item.id, c.id),
                        format!("item {} of checklist {} is marked as a nonconformity but no finding records it", item.id, c.id),
                    );
                }
            }
        }
    }
}

/// QMS-A008: a nonconformity or observation without objective evidence.
pub(super) fn finding_without_evidence(ctx: &Context, e: &mut Emitter) {
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        for (fi, f) in a.findings.iter().enumerate() {
            let needs =
                f.kind.is_nonconformity() || f.kind == crate::model::FindingKind::Observation;
            if needs && blank(&f.evidence) {
                e.emit(
                    root("audits")
                        .index(ai)
                        .key("findings")
                        .index(fi)
                        .key("evidence"),
                    format!("phát hiện {} không ghi bằng chứng khách quan", f.id),
                    format!("finding {} records no objective evidence", f.id),
                );
            }
        }
    }
}

/// QMS-A009: a finding that cites no clause.
pub(super) fn finding_without_clause(ctx: &Context, e: &mut Emitter) {
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        for (fi, f) in a.findings.iter().enumerate() {
            if f.kind != crate::model::FindingKind::GoodPractice && f.clauses.is_empty() {
                e.emit(
                    root("audits")
                        .index(ai)
                        .key("findings")
                        .index(fi)
                        .key("clauses"),
                    format!(
                        "phát hiện {} không viện dẫn điều khoản nào của tiêu chuẩn",
                        f.id
                    ),
                    format!("finding {} cites no clause of the standard", f.id),
                );
            }
        }
    }
}

/// QMS-A010: a planned audit whose month has passed with no checklist for its unit.
pub(super) fn planned_without_checklist(ctx: &Context, e: &mut Emitter) {
    let (year, month) = (ctx.today.year(), ctx.today.month());
    for (pi, p) in ctx.d.programmes.iter().enumerate() {
        for (ji, planned) in p.planned.iter().enumerate() {
            let past = p.year < year || (p.year == year && u32::from(planned.month) < month);
            if !past {
                continue;
            }
            let done = ctx.d.audits.iter().any(|a| {
                let ours = a.planned.contains(&planned.id)
                    || (a.planned.is_empty() && a.programme.as_deref() == Some(p.id.as_str()));
                ours && a.checklists.iter().any(|c| c.unit == planned.unit)
            });
            if !done {
                let unit = ctx.unit_name(&planned.unit);
                e.emit(
                    root("programmes").index(pi).key("planned").index(ji),
                    format!(
                        "cuộc đánh giá dự kiến {} tại {unit} (tháng {}/{}) chưa có phiếu câu hỏi đánh giá",
                        planned.id, planned.month, p.year
                    ),
                    format!(
                        "planned audit {} of {unit} (month {}/{}) has no checklist",
                        planned.id, planned.month, p.year
                    ),
                );
            }
        }
    }
}

/// QMS-A011: a unit's acknowledgement of a finding dated before the finding was made (its
/// own date, else the first day of its audit or inspection).
pub(super) fn acknowledged_before_finding(ctx: &Context, e: &mut Emitter) {
    let audit_findings = ctx.d.audits.iter().enumerate().flat_map(|(ai, a)| {
        a.findings.iter().enumerate().map(move |(fi, f)| {
            let at = root("audits").index(ai).key("findings").index(fi);
            (at, f, a.plan.start)
        })
    });
    let inspection_findings = ctx.d.inspections.iter().enumerate().flat_map(|(ii, x)| {
        x.findings.iter().enumerate().map(move |(fi, f)| {
            let at = root("inspections").index(ii).key("findings").index(fi);
            (at, f, x.date)
        })
    });
    for (at, f, began) in audit_findings.chain(inspection_findings) {
        let Some(ack) = &f.acknowledgement else {
            continue;
        };
        let (made, vi_what, en_what) = match f.date {
            Some(d) => (d, "ngày ghi nhận phát hiện", "the finding was made"),
            None => (began, "ngày bắt đầu đánh giá", "the audit began"),
        };
        if ack.date < made {
            e.emit(
                at.key("acknowledgement").key("date"),
                format!(
                    "phát hiện {} được đơn vị xác nhận ngày {}, trước {vi_what} {}",
                    f.id,
                    vi_date(ack.date),
                    vi_date(made)
                ),
                format!(
                    "finding {} was acknowledged on {}, before {en_what} on {}",
                    f.id,
                    en_date(ack.date),
                    en_date(made)
                ),
            );
        }
    }
}

/// QMS-A012: a procedure of the QMS that the year's programme does not audit. Agencies audit
/// every procedure in the year; a programme that names no procedure at all cannot be judged.
pub(super) fn procedure_not_covered(ctx: &Context, e: &mut Emitter) {
    let Some((pi, p)) = programme_of_year(ctx) else {
        return;
    };
    if ctx.d.procedures.is_empty() {
        return;
    }
    let covered: HashSet<&str> = p
        .planned
        .iter()
        .flat_map(|a| a.procedures.iter().map(String::as_str))
        .collect();
    if covered.is_empty() {
        e.emit_as(
            super::Severity::Info,
            root("programmes").index(pi).key("planned"),
            format!(
                "chương trình đánh giá năm {} không ghi quy trình nào cho các cuộc đánh giá: không kiểm tra được việc đánh giá đủ {} quy trình",
                p.year,
                ctx.d.procedures.len()
            ),
            format!(
                "the {} audit programme names no procedure for its audits: whether all {} procedures are audited cannot be checked",
                p.year,
                ctx.d.procedures.len()
            ),
        );
        return;
    }
    for (i, proc) in ctx.d.procedures.iter().enumerate() {
        if !covered.contains(proc.id.as_str()) {
            e.emit(
                root("procedures").index(i),
                format!(
                    "chương trình đánh giá năm {} không đánh giá quy trình {} ({})",
                    p.year, proc.code, proc.title
                ),
                format!(
                    "the {} audit programme does not audit procedure {} ({})",
                    p.year, proc.code, proc.title
                ),
            );
        }
    }
}
