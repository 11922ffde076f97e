//! Documented information rules (TCVN ISO 9001:2015 7.5; 4.2.3 and 4.2.4 in 2008).

use super::Emitter;
use super::context::{Context, en_date, vi_date};
use crate::load::JsonPath;
use crate::model::{ExternalStatus, ProcedureKind};
use std::collections::HashSet;

fn reg(k: &str, i: usize) -> JsonPath {
    JsonPath::root().key("registers").key(k).index(i)
}

/// QMS-D001: a procedure's form that neither register lists.
pub(super) fn form_not_registered(ctx: &Context, e: &mut Emitter) {
    let r = &ctx.d.registers;
    let known: HashSet<&str> = r
        .internal_documents
        .iter()
        .map(|d| d.code.as_str())
        .chain(r.records.iter().filter_map(|x| x.form_code.as_deref()))
        .collect();
    for (i, p) in ctx.d.procedures.iter().enumerate() {
        for (j, f) in p.forms.iter().enumerate() {
            if !known.contains(f.code.as_str()) {
                e.emit(
                    JsonPath::root().key("procedures").index(i).key("forms").index(j),
                    format!("biểu mẫu {} \"{}\" của quy trình {} không có trong danh mục tài liệu hay danh mục hồ sơ", f.code, f.title, p.code),
                    format!("form {} \"{}\" of procedure {} is in neither the document nor the records register", f.code, f.title, p.code),
                );
            }
        }
    }
}

/// QMS-D002: a record kept without a retention period.
pub(super) fn record_without_retention(ctx: &Context, e: &mut Emitter) {
    for (i, rec) in ctx.d.registers.records.iter().enumerate() {
        if rec.retention.is_none() {
            e.emit(
                reg("records", i).key("retention"),
                format!("hồ sơ \"{}\" chưa quy định thời gian lưu", rec.title),
                format!("record \"{}\" has no retention period", rec.title),
            );
        }
    }
}

/// QMS-D003: an external document not reviewed within the interval.
pub(super) fn external_not_reviewed(ctx: &Context, e: &mut Emitter) {
    let months = ctx.d.settings.thresholds.external_review_months;
    let since = ctx.months_ago(months);
    for (i, doc) in ctx.d.registers.external_documents.iter().enumerate() {
        if doc.status == ExternalStatus::Expired {
            continue;
        }
        match doc.reviewed_on {
            Some(d) if d >= since => {}
            Some(d) => e.emit(
                reg("external_documents", i).key("reviewed_on"),
                format!("văn bản {} soát xét lần cuối ngày {}, đã quá {months} tháng; cần kiểm tra tình trạng hiệu lực", doc.number, vi_date(d)),
                format!("external document {} was last reviewed on {}, more than {months} months ago; check whether it is still in force", doc.number, en_date(d)),
            ),
            None => e.emit(
                reg("external_documents", i),
                format!("văn bản {} chưa có ngày soát xét tình trạng hiệu lực", doc.number),
                format!("external document {} has never been reviewed for validity", doc.number),
            ),
        }
    }
}

/// Lower-case, for matching record titles typed in different cases.
fn folded(s: &str) -> String {
    s.to_lowercase()
}

/// QMS-D004: a procedure for administrative procedures without the one-stop-shop records.
pub(super) fn one_stop_records_missing(ctx: &Context, e: &mut Emitter) {
    const REQUIRED: [(&str, &str); 2] = [
        (
            "giấy tiếp nhận hồ sơ",
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        ),
        (
            "phiếu kiểm soát quá trình",
            "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        ),
    ];
    let operational = ctx
        .d
        .procedures
        .iter()
        .filter(|p| p.kind == ProcedureKind::Operational);
    if operational.clone().next().is_some()
        && operational.clone().all(|p| p.admin_procedures.is_empty())
    {
        // Without the administrative procedures the rule cannot tell which procedures are
        // handled at the one-stop shop: say so rather than pass.
        e.emit_as(
            crate::model::Severity::Info,
            JsonPath::root().key("procedures"),
            "không quy trình nghiệp vụ nào ghi thủ tục hành chính (admin_procedures): không kiểm tra được hồ sơ một cửa (Giấy tiếp nhận, Phiếu kiểm soát)".into(),
            "no operational procedure lists its administrative procedures (admin_procedures): the one-stop-shop records cannot be checked".into(),
        );
    }
    for (i, p) in ctx.d.procedures.iter().enumerate() {
        if p.kind != ProcedureKind::Operational || p.admin_procedures.is_empty() {
            continue;
        }
        let titles: Vec<String> = ctx
            .d
            .registers
            .records
            .iter()
            .filter(|r| r.procedure.as_deref() == Some(p.id.as_str()))
            .map(|r| folded(&r.title))
            .collect();
        for (needle, name) in REQUIRED {
            if !titles.iter().any(|t| t.contains(needle)) {
                e.emit(
                    JsonPath::root().key("procedures").index(i),
                    format!(
                        "danh mục hồ sơ của quy trình {} ({}) thiếu \"{name}\"",
                        p.code, p.title
                    ),
                    format!(
                        "the records of procedure {} ({}) do not include \"{name}\"",
                        p.code, p.title
                    ),
                );
            }
        }
    }
}
