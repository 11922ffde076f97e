//! # qms-docx
//!
//! The Word documents of internal audits and management reviews, laid out as Decree
//! 30/2020/NĐ-CP asks of administrative documents: the annual audit programme, the audit plan,
//! the audit report, nonconformity / corrective-action requests, and the management review
//! notice, report and minutes. Vietnamese by default, English on request.
//!
//! The crate writes WordprocessingML itself and streams it into a deflate zip with fixed
//! timestamps (see `docs/decisions/0001-docx-writer.md`): output is schema-valid, small,
//! byte-identical for identical input, and a 10,000-finding report needs a few megabytes of
//! memory. No I/O and no clock: "today" is an input.
//!
//! ```
//! use qms_docx::{render, DocumentKind, RenderOptions, Target};
//! let spec = qms_core::sample::SampleSpec { checklist_items: 20, findings: 6, seed: 1, agency: 0 };
//! let dossier = qms_core::sample::sample_dossier(&spec);
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
//! let opts = RenderOptions::new(today);
//! let bytes = render(DocumentKind::Report, Target::Audit("a0000"), &dossier, &opts).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! assert_eq!(bytes, render(DocumentKind::Report, Target::Audit("a0000"), &dossier, &opts).unwrap());
//! ```

// Nothing that came from outside may panic the library (a panic behind the C ABI would take
// down the host program): no unwrap/expect/panic/indexing outside tests (issue #11).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod car;
mod ctx;
mod error;
mod facts;
mod findings;
mod follow_up;
mod form_sign;
mod header;
mod heading_block;
mod inspection_minutes;
mod layout;
pub mod measure;
mod minutes;
mod package;
mod plan;
mod programme;
mod programme_usual;
mod report;
mod review_facts;
mod review_notice;
mod review_report;
mod rollup_left_out;
mod rollup_names;
mod rollup_report;
mod rollup_tables;
mod select;
mod styles;
mod team_decision;
mod wml;
mod xml;

pub use error::DocxError;
pub use layout::Layout;

use chrono::NaiveDate;
use qms_core::{Dossier, Lang};

/// The documents this crate writes.
///
/// ```
/// use qms_docx::DocumentKind;
/// assert_eq!(DocumentKind::parse("review-notice"), Some(DocumentKind::ReviewNotice));
/// assert_eq!(DocumentKind::Car.slug(), "car");
/// assert_eq!(DocumentKind::parse("checklist"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Chương trình đánh giá nội bộ năm (annual audit programme).
    Programme,
    /// Kế hoạch đánh giá nội bộ (audit plan).
    Plan,
    /// Quyết định thành lập Đoàn đánh giá nội bộ (decision on the internal audit team).
    TeamDecision,
    /// Báo cáo đánh giá nội bộ (audit report).
    Report,
    /// Phiếu yêu cầu hành động khắc phục (nonconformity / corrective-action request).
    Car,
    /// Thông báo họp xem xét của lãnh đạo (management review meeting notice).
    ReviewNotice,
    /// Báo cáo xem xét của lãnh đạo (management review input report).
    ReviewReport,
    /// Biên bản họp xem xét của lãnh đạo (management review minutes).
    Minutes,
}

impl DocumentKind {
    /// Every kind, in the order of the audit and review cycle.
    pub const ALL: [DocumentKind; 8] = [
        DocumentKind::Programme,
        DocumentKind::TeamDecision,
        DocumentKind::Plan,
        DocumentKind::Report,
        DocumentKind::Car,
        DocumentKind::ReviewNotice,
        DocumentKind::ReviewReport,
        DocumentKind::Minutes,
    ];

    /// The name used on the command line and in the API.
    pub fn slug(&self) -> &'static str {
        match self {
            DocumentKind::Programme => "programme",
            DocumentKind::Plan => "plan",
            DocumentKind::TeamDecision => "team-decision",
            DocumentKind::Report => "report",
            DocumentKind::Car => "car",
            DocumentKind::ReviewNotice => "review-notice",
            DocumentKind::ReviewReport => "review-report",
            DocumentKind::Minutes => "minutes",
        }
    }

    /// The first part of the kind's file name, before the record's id: the one naming scheme
    /// of `render`, `render all`, `demo` and the API ("ke-hoach-dgnb-2026-1.docx").
    ///
    /// ```
    /// assert_eq!(qms_docx::DocumentKind::Car.file_stem(), "phieu-hdkp");
    /// ```
    pub fn file_stem(&self) -> &'static str {
        match self {
            DocumentKind::Programme => "chuong-trinh",
            DocumentKind::Plan => "ke-hoach",
            DocumentKind::TeamDecision => "quyet-dinh-doan",
            DocumentKind::Report => "bao-cao",
            DocumentKind::Car => "phieu-hdkp",
            DocumentKind::ReviewNotice => "thong-bao-hop",
            DocumentKind::ReviewReport => "bao-cao-xem-xet",
            DocumentKind::Minutes => "bien-ban-hop",
        }
    }

    /// The kind with a slug.
    pub fn parse(slug: &str) -> Option<Self> {
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.slug() == slug.trim())
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

/// The record a document is made from, by id.
///
/// Programme takes a programme id (or an audit id: that audit's programme); the team
/// decision, plan and report take an audit id; corrective-action requests take an audit id (every request of that
/// audit's nonconformities in one file, a page each) or a corrective-action id (one request);
/// the three review documents take a management review id.
///
/// ```
/// use qms_docx::{render, DocumentKind, RenderOptions, Target};
/// let spec = qms_core::sample::SampleSpec { checklist_items: 10, findings: 12, seed: 5, agency: 0 };
/// let dossier = qms_core::sample::sample_dossier(&spec);
/// let opts = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
/// // Every request of the audit's nonconformities in one file, a page each.
/// let all = render(DocumentKind::Car, Target::Audit("a0000"), &dossier, &opts).unwrap();
/// // One request.
/// let id = &dossier.corrective_actions[0].id;
/// let one = render(DocumentKind::Car, Target::CorrectiveAction(id), &dossier, &opts).unwrap();
/// assert!(all.len() > one.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// An audit programme id.
    Programme(&'a str),
    /// An audit id.
    Audit(&'a str),
    /// A corrective-action id.
    CorrectiveAction(&'a str),
    /// A management review id.
    Review(&'a str),
}

impl Target<'_> {
    fn id(&self) -> &str {
        match self {
            Target::Programme(id)
            | Target::Audit(id)
            | Target::CorrectiveAction(id)
            | Target::Review(id) => id,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Target::Programme(_) => "programme",
            Target::Audit(_) => "audit",
            Target::CorrectiveAction(_) => "corrective action",
            Target::Review(_) => "review",
        }
    }
}

/// How to render.
///
/// ```
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
/// let opts = qms_docx::RenderOptions { lang: qms_core::Lang::En, ..qms_docx::RenderOptions::new(today) };
/// assert_eq!(opts.layout.margin_left_mm, 30);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Language of the document.
    pub lang: Lang,
    /// The date documents carry when the dossier gives none (never read from the clock).
    pub today: NaiveDate,
    /// Margins and font size.
    pub layout: Layout,
}

impl RenderOptions {
    /// Vietnamese, the default layout, and `today`.
    pub fn new(today: NaiveDate) -> RenderOptions {
        RenderOptions {
            lang: Lang::Vi,
            today,
            layout: Layout::default(),
        }
    }
}

/// Renders one document as .docx bytes.
///
/// ```
/// use qms_docx::{render, DocumentKind, DocxError, RenderOptions, Target};
/// let dossier = qms_core::Dossier::new("x", "UBND xã An Bình");
/// let opts = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 9).unwrap());
/// let err = render(DocumentKind::Plan, Target::Audit("nope"), &dossier, &opts).unwrap_err();
/// assert!(matches!(err, DocxError::UnknownTarget { .. }));
/// let err = render(DocumentKind::Minutes, Target::Audit("nope"), &dossier, &opts).unwrap_err();
/// assert_eq!(err.code(), "docx-wrong-target");
/// ```
pub fn render(
    kind: DocumentKind,
    target: Target<'_>,
    dossier: &Dossier,
    opts: &RenderOptions,
) -> Result<Vec<u8>, DocxError> {
    opts.layout.check()?;
    let ctx = ctx::Ctx::new(dossier, opts);
    let unknown = || DocxError::UnknownTarget {
        kind,
        id: target.id().to_owned(),
    };
    let audit = |id: &str| {
        dossier
            .audits
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(unknown)
    };
    let review = |id: &str| {
        dossier
            .management_reviews
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(unknown)
    };
    match (kind, target) {
        (DocumentKind::Programme, Target::Programme(id)) => {
            let p = dossier
                .programmes
                .iter()
                .find(|p| p.id == id)
                .ok_or_else(unknown)?;
            programme::render(&ctx, p)
        }
        (DocumentKind::Programme, Target::Audit(id)) => {
            let a = audit(id)?;
            let pid = a
                .programme
                .as_deref()
                .ok_or_else(|| DocxError::NoProgramme {
                    audit: a.id.clone(),
                })?;
            let p = dossier
                .programmes
                .iter()
                .find(|p| p.id == pid)
                .ok_or_else(unknown)?;
            programme::render(&ctx, p)
        }
        (DocumentKind::TeamDecision, Target::Audit(id)) => team_decision::render(&ctx, audit(id)?),
        (DocumentKind::Plan, Target::Audit(id)) => plan::render(&ctx, audit(id)?),
        (DocumentKind::Report, Target::Audit(id)) => report::render(&ctx, audit(id)?),
        (DocumentKind::Car, Target::Audit(id)) => car::render_audit(&ctx, audit(id)?),
        (DocumentKind::Car, Target::CorrectiveAction(id)) => {
            let ca = dossier
                .corrective_actions
                .iter()
                .find(|c| c.id == id)
                .ok_or_else(unknown)?;
            car::render_one(&ctx, ca)
        }
        (DocumentKind::ReviewNotice, Target::Review(id)) => {
            review_notice::render(&ctx, review(id)?)
        }
        (DocumentKind::ReviewReport, Target::Review(id)) => {
            review_report::render(&ctx, review(id)?)
        }
        (DocumentKind::Minutes, Target::Review(id)) => minutes::render(&ctx, review(id)?),
        (kind, target) => Err(DocxError::WrongTarget {
            kind,
            target: target.name(),
        }),
    }
}

/// Renders every document the dossier supports, with file names, in a fixed order:
/// programmes, then per audit the decision on its team, its plan, report (when it has findings or report facts) and
/// requests, then requests not tied to an audit finding, then per review its notice, report
/// and minutes.
///
/// ```
/// let spec = qms_core::sample::SampleSpec { checklist_items: 10, findings: 4, seed: 3, agency: 0 };
/// let dossier = qms_core::sample::sample_dossier(&spec);
/// let opts = qms_docx::RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
/// let files = qms_docx::render_all(&dossier, &opts).unwrap();
/// assert_eq!(files[0].0, "quyet-dinh-doan-a0000.docx");
/// assert_eq!(files[1].0, "ke-hoach-a0000.docx");
/// ```
pub fn render_all(
    dossier: &Dossier,
    opts: &RenderOptions,
) -> Result<Vec<(String, Vec<u8>)>, DocxError> {
    let mut out = Vec::new();
    for (name, kind, target) in select::all_documents(dossier) {
        let bytes = render(kind, target.as_target(), dossier, opts)?;
        out.push((name, bytes));
    }
    Ok(out)
}

/// Who issues the provincial roll-up report and the inspection minutes: the Department of
/// Science and Technology of a province, by default.
///
/// ```
/// let i = qms_docx::RollupIssuer::new("Ninh Bình");
/// assert_eq!(i.agency, "Sở Khoa học và Công nghệ");
/// assert_eq!(i.symbol, "SKHCN");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupIssuer {
    /// The province, e.g. "Ninh Bình" (the People's Committee addressed, the date line).
    pub province: String,
    /// The issuing agency, e.g. "Sở Khoa học và Công nghệ".
    pub agency: String,
    /// Its abbreviation for document numbers, e.g. "SKHCN".
    pub symbol: String,
    /// The report's number, e.g. "125/BC-SKHCN"; blank to be written by hand.
    pub number: Option<String>,
    /// Who signs (name); blank to be written by hand.
    pub signer: Option<String>,
    /// The signer's title, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".
    pub signer_title: String,
}

impl RollupIssuer {
    /// The issuing agency's name for an English text: the usual department's English name,
    /// else the name as given.
    ///
    /// ```
    /// let i = qms_docx::RollupIssuer::new("Ninh Bình");
    /// assert_eq!(i.english_agency(), "Department of Science and Technology");
    /// ```
    pub fn english_agency(&self) -> &str {
        if self.agency.trim() == "Sở Khoa học và Công nghệ" {
            "Department of Science and Technology"
        } else {
            &self.agency
        }
    }

    /// The signer's title lines as printed (upper case), in English for an English report
    /// when the title is one of the usual ones ("Giám đốc" → "DIRECTOR"; "KT. GIÁM ĐỐC" →
    /// "FOR THE DIRECTOR"; "Phó Giám đốc" → "DEPUTY DIRECTOR"); another title stays as given.
    ///
    /// ```
    /// let i = qms_docx::RollupIssuer::new("Ninh Bình");
    /// assert_eq!(i.signer_lines(qms_core::Lang::En), ["DIRECTOR"]);
    /// assert_eq!(i.signer_lines(qms_core::Lang::Vi), ["GIÁM ĐỐC"]);
    /// ```
    pub fn signer_lines(&self, lang: qms_core::Lang) -> Vec<String> {
        self.signer_title
            .lines()
            .map(|l| {
                let upper = l.trim().to_uppercase();
                if lang == qms_core::Lang::Vi {
                    return upper;
                }
                match upper.as_str() {
                    "GIÁM ĐỐC" => "DIRECTOR".to_owned(),
                    "PHÓ GIÁM ĐỐC" => "DEPUTY DIRECTOR".to_owned(),
                    "KT. GIÁM ĐỐC" => "FOR THE DIRECTOR".to_owned(),
                    "TL. GIÁM ĐỐC" => "BY ORDER OF THE DIRECTOR".to_owned(),
                    _ => upper,
                }
            })
            .collect()
    }

    /// The Department of Science and Technology of a province, its director signing.
    pub fn new(province: &str) -> RollupIssuer {
        RollupIssuer {
            province: province.trim().to_owned(),
            agency: "Sở Khoa học và Công nghệ".into(),
            symbol: "SKHCN".into(),
            number: None,
            signer: None,
            signer_title: "Giám đốc".into(),
        }
    }
}

/// Renders the report to the provincial People's Committee on the year's inspection
/// (Báo cáo kết quả kiểm tra việc áp dụng, duy trì và cải tiến HTQLCL), from a roll-up.
///
/// ```
/// use qms_core::rollup::{Province, RollupOptions, summarize};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let opts = RollupOptions { year: 2026, today };
/// let mut p = Province::new(opts);
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// p.add(summarize("hoa-binh.json", &d, &diags, &opts));
/// let issuer = qms_docx::RollupIssuer::new("Ninh Bình");
/// let bytes = qms_docx::render_rollup_report(&p, &issuer, &qms_docx::RenderOptions::new(today)).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn render_rollup_report(
    province: &qms_core::rollup::Province,
    issuer: &RollupIssuer,
    opts: &RenderOptions,
) -> Result<Vec<u8>, DocxError> {
    opts.layout.check()?;
    rollup_report::render(province, issuer, opts)
}

/// Renders the inspection minutes of one agency (Biên bản kiểm tra việc áp dụng, duy trì, cải
/// tiến HTQLCL), pre-filled from its dossier, its roll-up row and its check diagnostics; the
/// inspectors complete it on site.
///
/// ```
/// use qms_core::rollup::{RollupOptions, summarize};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// let row = summarize("hoa-binh.json", &d, &diags, &RollupOptions { year: 2026, today });
/// let issuer = qms_docx::RollupIssuer::new("Ninh Bình");
/// let bytes = qms_docx::render_inspection_minutes(&d, &row, &diags, &issuer,
///     &qms_docx::RenderOptions::new(today)).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn render_inspection_minutes(
    dossier: &Dossier,
    row: &qms_core::rollup::AgencySummary,
    diagnostics: &[qms_core::rules::Diagnostic],
    issuer: &RollupIssuer,
    opts: &RenderOptions,
) -> Result<Vec<u8>, DocxError> {
    opts.layout.check()?;
    inspection_minutes::render(dossier, row, diagnostics, issuer, opts)
}
