//! The tables of the provincial report: results by agency kind, and the annex with a row per
//! agency.

use crate::ctx::Ctx;
use crate::wml::{BOLD, Borders, PLAIN, Para};
use crate::xml::Xml;
use qms_core::Lang;
use qms_core::model::AgencyKind;
use qms_core::rollup::{AgencySummary, Province, Tally};

/// The results by agency kind: a small table.
pub(crate) fn kind_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province) {
    x.p(
        Para::new("Body").keep(),
        ctx.t("Kết quả theo loại cơ quan:", "By agency kind:"),
        PLAIN,
    );
    let head = [
        ctx.t("Loại cơ quan", "Kind"),
        ctx.t("Số cơ quan", "Agencies"),
        ctx.t("Đánh giá nội bộ trong 12 tháng", "Audit within 12 months"),
        ctx.t(
            "Xem xét của lãnh đạo trong 12 tháng",
            "Review within 12 months",
        ),
        ctx.t("Đã công bố HTQLCL", "QMS announced"),
        ctx.t("Chưa đáp ứng yêu cầu năm", "Failing a yearly requirement"),
    ];
    let w = ctx.fit_columns(&[28, 12, 15, 15, 15, 15], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    let mut rows: Vec<(String, Tally)> = p
        .by_kind()
        .into_iter()
        .map(|(k, t)| (k.label(ctx.lang).to_owned(), t))
        .collect();
    rows.push((ctx.t("Tổng cộng", "Total").to_owned(), p.tally(|_| true)));
    for (label, t) in &rows {
        let cells = [
            label.clone(),
            t.agencies.to_string(),
            t.audit_ok.to_string(),
            t.review_ok.to_string(),
            t.announced.to_string(),
            t.failing.to_string(),
        ];
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        x.row(&w, "CellCenter", &refs, false);
    }
    x.tbl_close();
    x.spacer_after_table();
}

/// The annex: one row per agency.
pub(crate) fn annex(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province) {
    let lang = ctx.lang;
    x.p(
        Para::new("DocType").page_break(),
        ctx.t("Phụ lục", "Annex"),
        PLAIN,
    );
    x.p(
        Para::new("Summary"),
        &match lang {
            Lang::Vi => format!("KẾT QUẢ KIỂM TRA HTQLCL CỦA TỪNG CƠ QUAN NĂM {}", p.year),
            Lang::En => format!("QMS INSPECTION RESULTS BY AGENCY, {}", p.year),
        },
        PLAIN,
    );
    // The last column holds the failed requirements, the longest texts of a row.
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Cơ quan", "Agency"),
        ctx.t("Đánh giá nội bộ gần nhất", "Last audit"),
        ctx.t("Xem xét của lãnh đạo gần nhất", "Last review"),
        ctx.t("Sự KPH", "NCs"),
        ctx.t("HĐKP chưa đóng (quá hạn)", "Open actions (overdue)"),
        ctx.t("Chưa đáp ứng", "Failing"),
    ];
    let w = ctx.fit_columns(&[7, 21, 15, 15, 8, 10, 24], &head);
    let mut first = true;
    for kind in AgencyKind::ALL {
        let rows: Vec<(usize, &AgencySummary)> = p
            .agencies
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == kind)
            .collect();
        if rows.is_empty() {
            continue;
        }
        // One table per agency type under its own caption, kept with the table's first rows:
        // a group label inside one long table could end a page alone (keep-with-next inside a
        // table is not honoured by LibreOffice), a caption outside it cannot.
        if !first {
            x.p(Para::new("Tight"), "", PLAIN);
        }
        first = false;
        x.p(Para::new("Cell").keep(), kind.label(lang), BOLD);
        x.tbl_open(&w, Borders::Grid);
        x.row(&w, "CellHead", &head, true);
        for (n, (_, a)) in rows.iter().enumerate() {
            let date = |d: Option<chrono::NaiveDate>| {
                d.map(|d| ctx.short_date(d))
                    .unwrap_or_else(|| ctx.t("Chưa có", "None").to_owned())
            };
            let failures: Vec<&str> = a.failures().iter().map(|r| r.failure(lang)).collect();
            let cells = [
                (n + 1).to_string(),
                a.short_name_in(lang),
                date(a.last_audit),
                date(a.last_review),
                a.nonconformities().to_string(),
                format!("{} ({})", a.actions_open, a.actions_overdue),
                failures.join("; "),
            ];
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            x.row(&w, "Cell", &refs, false);
        }
        x.tbl_close();
    }
    if first {
        // No agency at all: the caller's closing paragraph follows the heading directly.
        x.p(Para::new("Tight"), "", PLAIN);
    }
}
