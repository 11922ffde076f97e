//! Phiếu yêu cầu hành động khắc phục (nonconformity / corrective-action request), TCVN ISO
//! 9001:2015 10.2, in the four-part paper layout agencies use: (1) the nonconformity and its
//! source, (2) cause analysis, correction and corrective actions with owner and deadline,
//! (3) approval, (4) verification of effectiveness and closure.
//!
//! Parts the dossier has not recorded yet are printed as dotted lines to fill by hand.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::form_sign::{FormSigner, form_signature_beside, form_signatures, form_signer};
use crate::header::{national_header, title_lines_in};
use crate::measure::CELL_MARGIN;
use crate::package::{Meta, package};
use crate::select::{CarItem, audit_cars, finding_of, inspection_finding_of};
use crate::wml::{BOLD, Borders, PLAIN, Para, columns, width};
use crate::xml::Xml;
use qms_core::Lang;
use qms_core::model::{Audit, CaSource, CaState, CorrectiveAction, Finding, Inspection};

const DOTS: &str = "……………………………………………………………………………………………";
/// A blank for a short answer (yes or no).
const SHORT_DOTS: &str = "……………………";
/// The approver's opinion beside the part's caption.
const OPINION_DOTS: &str = "…………";
/// A blank for a yes or no beside a signature.
const YES_NO_DOTS: &str = "…………………";
/// A blank to fill by hand in the left part of a row shared with a signature.
const HALF_DOTS: &str = "………………………………";

fn source_label(s: CaSource, lang: Lang) -> &'static str {
    match s {
        CaSource::InternalAudit => lang.pick("Đánh giá nội bộ", "Internal audit"),
        CaSource::Complaint => lang.pick(
            "Phản ánh, kiến nghị của tổ chức, cá nhân",
            "Complaint or feedback",
        ),
        CaSource::ProcessMonitoring => {
            lang.pick("Theo dõi, đo lường quá trình", "Process monitoring")
        }
        CaSource::ManagementReview => lang.pick("Xem xét của lãnh đạo", "Management review"),
        CaSource::ExternalInspection => {
            lang.pick("Kiểm tra của cơ quan bên ngoài", "External inspection")
        }
        CaSource::Other => lang.pick("Khác", "Other"),
    }
}

/// The symbol of the requests' number series when the dossier sets none (Phiếu yêu cầu –
/// hành động khắc phục).
pub(crate) const CAR_SYMBOL: &str = "PYC-HĐKP";

/// "Số: 03/PYC-HĐKP": the request's number with the series symbol (the dossier's
/// `settings.documents.car.symbol`, else [`CAR_SYMBOL`]) unless the number already carries
/// letters ("03/PYC-VP"); "01/2026" becomes "01/2026/PYC-HĐKP" (the running number and year
/// stay, so the number still matches the one the tracker and other records cite). Without a
/// number the office writes it by hand before the symbol.
pub(crate) fn number_line(ctx: &Ctx<'_>, number: Option<&str>) -> String {
    let symbol = ctx
        .d
        .settings
        .documents
        .car
        .as_ref()
        .and_then(|f| f.symbol.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(CAR_SYMBOL);
    let label = ctx.t("Số", "No.");
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().any(char::is_alphabetic) => format!("{label}: {n}"),
        Some(n) => format!("{label}: {n}/{symbol}"),
        None => format!("{label}:        /{symbol}"),
    }
}

/// A bold part caption at the top of a part's cell.
fn part(x: &mut Xml<'_>, text: &str) {
    x.p(Para::new("FormPart"), text, BOLD);
}

/// Opens a full-width cell of the form.
fn wide_open(x: &mut Xml<'_>, w: &[u32]) {
    x.tr_open(false);
    x.tc_open(w.iter().sum(), w.len());
}

fn wide_close(x: &mut Xml<'_>) {
    x.tc_close();
    x.tr_close();
}

/// "Label: value", or "Label: ……" when there is no value yet.
fn line(x: &mut Xml<'_>, label: &str, value: Option<&str>) {
    let dots = fill_dots(label, x.text_width.saturating_sub(2 * CELL_MARGIN));
    line_with(x, label, value, &dots);
}

/// A blank that fills the rest of the line after "label: " in a form-wide cell of `width`
/// twips (each "…" is one em of 12 pt, the label is measured as bold, which never
/// underestimates it). When less than a quarter of the line is left, a full line of dots on
/// the next one, as before: a blank line to fill by hand costs a line only when it needs it.
fn fill_dots(label: &str, width: u32) -> String {
    const EM: u32 = FORM_CELL_HALF_POINTS * 10;
    let label = crate::measure::word_width(&format!("{label}: "), FORM_CELL_HALF_POINTS);
    // A twentieth of the line spare: the estimate is not the font.
    let left = (width - width / 20).saturating_sub(label);
    if left >= width / 4 {
        "…".repeat((left / EM) as usize)
    } else {
        DOTS.to_owned()
    }
}

/// [`line`] with a blank of `dots` (shorter beside a signature).
fn line_with(x: &mut Xml<'_>, label: &str, value: Option<&str>, dots: &str) {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => x.field(Para::new("Form"), label, v),
        None => x.p_runs(
            Para::new("Form"),
            &[(label, BOLD), (": ", BOLD), (dots, PLAIN)],
        ),
    }
}

/// Two short "label: value" fields on one line, to keep a request on one page; a missing
/// value is a blank of `dots`.
fn pair(x: &mut Xml<'_>, a: (&str, Option<&str>), b: (&str, Option<&str>), dots: &str) {
    x.p_runs(
        Para::new("Form"),
        &[
            (a.0, BOLD),
            (": ", BOLD),
            (a.1.unwrap_or(dots), PLAIN),
            (".   ", PLAIN),
            (b.0, BOLD),
            (": ", BOLD),
            (b.1.unwrap_or(dots), PLAIN),
        ],
    );
}

/// One request. `audit` is the audit of the finding, when there is one.
fn write_car(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    audit: Option<&Audit>,
    finding: Option<&Finding>,
    ca: Option<&CorrectiveAction>,
    inspection: Option<&Inspection>,
) {
    let date = ca
        .map(|c| c.raised_on)
        .or_else(|| audit.map(|a| a.plan.end))
        .unwrap_or(ctx.opts.today);
    let number = number_line(ctx, ca.and_then(|c| c.number.as_deref()));
    national_header(
        x,
        ctx,
        qms_core::model::QmsRecord::CorrectiveActionRequest,
        &number,
        date,
    );
    let clause = match ctx.d.scope.edition {
        qms_core::Edition::Iso9001_2008 => "8.5.2",
        qms_core::Edition::Iso9001_2015 => "10.2",
    };
    // One line under the title: the form must leave its page to the four parts.
    let summary = format!("({} {clause} {})", ctx.t("Điều", "Clause"), ctx.edition());
    title_lines_in(
        x,
        ctx,
        "FormTitle",
        ctx.t(
            "Phiếu yêu cầu hành động khắc phục",
            "Corrective action request",
        ),
        &[&summary],
    );
    // The table starts right under the title's rule: every line counts on this page.
    x.p(Para::new("Break"), "", PLAIN);

    let full = ctx.width();
    let w = [full];
    let unit = ca
        .map(|c| c.unit.as_str())
        .or(finding.map(|f| f.unit.as_str()));
    let head = unit
        .and_then(|u| ctx.d.unit(u))
        .and_then(|u| u.head.as_deref())
        .map(|p| ctx.person(p));

    // Each part is one row that never splits: its caption, its lines and its signatures
    // stay on one page together.
    x.tbl_open(&w, Borders::Grid);
    wide_open(x, &w);
    part(
        x,
        ctx.t(
            "1. MÔ TẢ SỰ KHÔNG PHÙ HỢP VÀ NGUỒN GỐC",
            "1. NONCONFORMITY AND ITS SOURCE",
        ),
    );
    let source = ca.map_or(CaSource::InternalAudit, |c| c.source);
    let mut src = source_label(source, ctx.lang).to_owned();
    if let Some(a) = audit {
        // "Đánh giá nội bộ HTQLCL đợt 1 năm 2026" already says where the finding came from:
        // the source's name before it would only repeat it.
        let title = ctx.audit_title(a);
        if title.to_lowercase().starts_with(&src.to_lowercase()) {
            src = title;
        } else {
            src.push_str(&format!(" – {title}"));
        }
        if let Some(n) = &a.plan.number {
            src.push_str(&format!(" ({} {n})", ctx.t("Kế hoạch số", "plan No.")));
        }
    }
    if let Some(i) = inspection {
        src.push_str(&format!(" – {}", i.body));
        if let Some(n) = &i.number {
            src.push_str(&format!(" ({} {n})", ctx.t("Biên bản số", "record No.")));
        }
    }
    line(x, ctx.t("Nguồn phát hiện", "Source"), Some(&src));
    let unit_name = unit.map(|u| ctx.unit(u));
    if let Some(f) = finding {
        line(x, ctx.t("Đơn vị", "Unit"), unit_name.as_deref());
        // The kind is short: it leads the clauses' line (their titles seldom fill it).
        let clauses: Vec<String> = f.clauses.iter().map(|c| ctx.clause(c)).collect();
        pair(
            x,
            (
                ctx.t("Loại phát hiện", "Kind"),
                Some(f.kind.label(ctx.lang)),
            ),
            (ctx.t("Điều khoản", "Clause"), Some(&clauses.join("; "))),
            SHORT_DOTS,
        );
        if let Some(p) = &f.procedure {
            line(x, ctx.t("Quy trình", "Procedure"), Some(&ctx.procedure(p)));
        }
        line(x, ctx.t("Yêu cầu", "Requirement"), f.requirement.as_deref());
        line(
            x,
            ctx.t("Bằng chứng khách quan", "Objective evidence"),
            f.evidence.as_deref(),
        );
        line(
            x,
            ctx.t("Mô tả sự không phù hợp", "Nonconformity"),
            Some(&f.statement),
        );
    } else {
        line(x, ctx.t("Đơn vị", "Unit"), unit_name.as_deref());
        line(
            x,
            ctx.t("Mô tả sự không phù hợp", "Nonconformity"),
            ca.and_then(|c| c.description.as_deref()),
        );
    }
    let raised_by = ca
        .and_then(|c| c.raised_by.as_deref())
        .or(finding.and_then(|f| f.auditor.as_deref()))
        .map(|p| ctx.person(p));
    let ack = finding.and_then(|f| f.acknowledgement.as_ref());
    if let Some(c) = ack.and_then(|a| a.comment.as_deref()) {
        line(x, ctx.t("Ý kiến của đơn vị", "Unit's comment"), Some(c));
    }
    form_signatures(
        x,
        ctx,
        full,
        &[
            FormSigner::new(
                ctx.t("Người phát hiện", "Raised by"),
                raised_by,
                Some(ctx.short_date(date)),
            ),
            FormSigner::new(
                ctx.t("Đại diện đơn vị được đánh giá", "For the unit"),
                ack.map(|a| ctx.person(&a.by)).or(head.clone()),
                // The finding's acknowledgement dates the unit's signature, never a day
                // before the request itself (a later request on the same finding, say a
                // follow-up, was not signed at the audit): blank to fill by hand then.
                ack.map(|a| a.date)
                    .filter(|d| *d >= date)
                    .map(|d| ctx.short_date(d)),
            ),
        ],
    );
    wide_close(x);

    wide_open(x, &w);
    part(
        x,
        ctx.t(
            "2. PHÂN TÍCH NGUYÊN NHÂN, KHẮC PHỤC VÀ HÀNH ĐỘNG KHẮC PHỤC",
            "2. CAUSE ANALYSIS, CORRECTION AND CORRECTIVE ACTION",
        ),
    );
    let correction = ca.and_then(|c| c.correction.as_ref()).map(|c| {
        let mut s = c.description.clone();
        match (&c.by, c.done_on) {
            (Some(by), Some(d)) => {
                s.push_str(&format!(" ({}, {})", ctx.person(by), ctx.short_date(d)))
            }
            (None, Some(d)) => s.push_str(&format!(" ({})", ctx.short_date(d))),
            (Some(by), None) => s.push_str(&format!(" ({})", ctx.person(by))),
            (None, None) => {}
        }
        s
    });
    line(
        x,
        ctx.t("2.1. Khắc phục tức thời", "2.1. Correction"),
        correction.as_deref(),
    );
    line(
        x,
        ctx.t("2.2. Nguyên nhân", "2.2. Root cause"),
        ca.and_then(|c| c.root_cause.as_deref()),
    );
    line(
        x,
        ctx.t(
            "2.3. Sự không phù hợp tương tự (đã có hoặc có thể xảy ra)",
            "2.3. Similar nonconformities (existing or potential)",
        ),
        ca.and_then(|c| c.similar_nonconformities.as_deref()),
    );
    wide_close(x);
    x.tbl_close();
    // The actions are a table of their own, so its heading rows repeat on a continuation
    // page and keep with the first action.
    x.p(Para::new("Break").keep(), "", PLAIN);
    let heads = [
        ctx.t("Nội dung hành động", "Action"),
        ctx.t("Người thực hiện", "Owner"),
        ctx.t("Thời hạn", "Due"),
        ctx.t("Hoàn thành", "Done on"),
    ];
    let w = action_columns(full, &heads);
    x.tbl_open(&w, Borders::Grid);
    x.tr_open(true);
    x.tc_open(full, w.len());
    x.p(
        Para::new("Form").keep(),
        ctx.t("2.4. Hành động khắc phục:", "2.4. Corrective actions:"),
        BOLD,
    );
    x.tc_close();
    x.tr_close();
    x.header_row(&w, "FormCellHead", &heads);
    let actions = ca.map(|c| c.actions.as_slice()).unwrap_or_default();
    for a in actions {
        let mut what = a.description.clone();
        for e in &a.extensions {
            what.push_str(&format!(
                "\n({} {} → {}: {})",
                ctx.t("Gia hạn", "Extended"),
                ctx.short_date(e.from),
                ctx.short_date(e.to),
                e.reason
            ));
        }
        let done = a
            .completed_on
            .map(|d| ctx.short_date(d))
            .unwrap_or_default();
        // An action may be owned by a unit rather than a person.
        let owner = match a.owner_ref() {
            Some((unit, true)) => ctx.unit(unit),
            Some((person, false)) => ctx.person(person),
            None => String::new(),
        };
        x.tr_open(false);
        x.cell(width(&w, 0), "FormCell", &what, PLAIN);
        x.cell(width(&w, 1), "FormCell", &owner, PLAIN);
        x.cell(
            width(&w, 2),
            "FormCellCenter",
            &ctx.short_date(a.due),
            PLAIN,
        );
        x.cell(width(&w, 3), "FormCellCenter", &done, PLAIN);
        x.tr_close();
    }
    if actions.is_empty() {
        for _ in 0..2 {
            x.row(&w, "FormCell", &["", "", "", ""], false);
        }
    }
    x.tbl_close();
    x.p(Para::new("Break"), "", PLAIN);

    // The unit head's signature closing part 2 and the approval (part 3) share a row, side
    // by side as on the paper form: each needs only half the width, and a short request
    // then keeps its four parts on one page.
    let halves = columns(full, &[1, 1]);
    x.tbl_open(&halves, Borders::Grid);
    x.tr_open(false);
    x.tc_open(width(&halves, 0), 1);
    form_signer(
        x,
        ctx,
        &FormSigner::new(ctx.t("Trưởng đơn vị", "Head of unit"), head, None),
    );
    x.tc_close();
    x.tc_open(width(&halves, 1), 1);
    let approval = ca.and_then(|c| c.approval.as_ref());
    x.p_runs(
        Para::new("FormPart"),
        &[
            // The caption and the approver's opinion share a line.
            (ctx.t("3. PHÊ DUYỆT", "3. APPROVAL"), BOLD),
            (" – ", BOLD),
            (ctx.t("Ý kiến", "Decision"), BOLD),
            (": ", BOLD),
            (
                approval.map_or(OPINION_DOTS, |_| ctx.t("Đồng ý.", "Approved.")),
                PLAIN,
            ),
        ],
    );
    form_signer(
        x,
        ctx,
        &FormSigner::new(
            ctx.t("Người phê duyệt", "Approved by"),
            approval.map(|a| ctx.person(&a.by)),
            approval.map(|a| ctx.short_date(a.date)),
        ),
    );
    x.tc_close();
    x.tr_close();

    wide_open(x, &halves);
    part(
        x,
        ctx.t(
            "4. KIỂM TRA XÁC NHẬN HIỆU LỰC VÀ ĐÓNG PHIẾU",
            "4. VERIFICATION OF EFFECTIVENESS AND CLOSURE",
        ),
    );
    let v = ca.and_then(|c| c.verification.as_ref());
    let result = v.map(|v| {
        if v.effective {
            ctx.t("Có hiệu lực – đóng phiếu.", "Effective – request closed.")
                .to_owned()
        } else {
            let next = ca
                .and_then(|c| c.follow_up.as_deref())
                .and_then(|id| ctx.d.corrective_actions.iter().find(|c| c.id == id))
                .map(|c| c.number.clone().unwrap_or_else(|| c.id.clone()));
            match next {
                Some(n) => format!(
                    "{} {n}.",
                    ctx.t(
                        "Không có hiệu lực – tiếp tục theo phiếu số",
                        "Not effective – continued in request No."
                    )
                ),
                None => ctx.t("Không có hiệu lực.", "Not effective.").to_owned(),
            }
        }
    });
    let yes_no = |b: Option<bool>| {
        b.map(|b| {
            if b {
                ctx.t("Có", "Yes")
            } else {
                ctx.t("Không", "No")
            }
        })
    };
    let state = ca.map_or(CaState::Proposed, |c| c.state);
    form_signature_beside(
        x,
        ctx,
        full,
        |x| {
            line_with(x, ctx.t("Kết quả", "Result"), result.as_deref(), HALF_DOTS);
            line_with(
                x,
                ctx.t("Nhận xét", "Comment"),
                v.and_then(|v| v.comment.as_deref()),
                HALF_DOTS,
            );
            // Risks and opportunities are a 2015 requirement (10.2.1 e); a 2008 form has no
            // such line.
            if ctx.d.scope.edition != qms_core::Edition::Iso9001_2008 {
                line_with(
                    x,
                    ctx.t("Cập nhật rủi ro và cơ hội", "Risks updated"),
                    yes_no(ca.and_then(|c| c.risks_updated)),
                    YES_NO_DOTS,
                );
            }
            line_with(
                x,
                ctx.t("Thay đổi HTQLCL", "QMS changed"),
                yes_no(ca.and_then(|c| c.qms_changed)),
                YES_NO_DOTS,
            );
            // Once verified, the result says whether the request is closed.
            if v.is_none() {
                line(
                    x,
                    ctx.t("Tình trạng phiếu", "State"),
                    Some(state.label(ctx.lang)),
                );
            }
        },
        &FormSigner::new(
            ctx.t("Người kiểm tra xác nhận", "Verified by"),
            v.map(|v| ctx.person(&v.by)),
            v.map(|v| ctx.short_date(v.date)),
        ),
    );
    wide_close(x);
    x.tbl_close();
    // No paragraph after the last table: the section's end follows (the body's `w:sectPr`,
    // or the section break of the next request in a bundle). An empty paragraph there went
    // to a page of its own when the request filled its page to the last point.
}

/// The action table's columns across `full` twips: the action's text takes half the width
/// (a narrow column wrapped a sentence over four lines), each heading word (`heads`) and a
/// date ("30/06/2026") stand on one line.
fn action_columns(full: u32, heads: &[&str; 4]) -> Vec<u32> {
    const DATE: &str = "00/00/0000";
    crate::measure::fit_columns(
        columns(full, &[48, 22, 15, 15]),
        &[
            &heads[..1],
            &heads[1..2],
            &[heads[2], DATE],
            &[heads[3], DATE],
        ],
        FORM_CELL_HALF_POINTS,
    )
}

/// Size of the form's text and its action table, in half-points (12 pt).
const FORM_CELL_HALF_POINTS: u32 = 24;

fn meta_title(ctx: &Ctx<'_>) -> &'static str {
    ctx.t(
        "Phiếu yêu cầu hành động khắc phục",
        "Corrective action request",
    )
}

/// Every request of an audit in one file, a page each.
pub(crate) fn render_audit(ctx: &Ctx<'_>, audit: &Audit) -> Result<Vec<u8>, DocxError> {
    let items: Vec<CarItem<'_>> = audit_cars(ctx.d, audit);
    if items.is_empty() {
        return Err(DocxError::NoNonconformity {
            audit: audit.id.clone(),
        });
    }
    let meta = Meta {
        title: meta_title(ctx),
        creator: ctx.agency_name(),
        date: audit.plan.end,
    };
    package(&meta, ctx.opts, |x| {
        // Each request is a section of its own: it starts a page and numbers its pages from 1.
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                x.section_break(&ctx.opts.layout.sect_pr());
            }
            write_car(x, ctx, Some(audit), item.finding, item.ca, None);
        }
    })
}

/// One request.
pub(crate) fn render_one(ctx: &Ctx<'_>, ca: &CorrectiveAction) -> Result<Vec<u8>, DocxError> {
    let meta = Meta {
        title: meta_title(ctx),
        creator: ctx.agency_name(),
        date: ca.raised_on,
    };
    let found = finding_of(ctx.d, ca);
    // A request raised on an outside inspection's finding (Sở KH&CN, a certification body)
    // shows that finding and the inspection it came from.
    let inspected = found
        .is_none()
        .then(|| inspection_finding_of(ctx.d, ca))
        .flatten();
    package(&meta, ctx.opts, |x| {
        write_car(
            x,
            ctx,
            found.map(|(a, _)| a),
            found.map(|(_, f)| f).or(inspected.map(|(_, f)| f)),
            Some(ca),
            inspected.map(|(i, _)| i),
        );
    })
}
