//! Registers and summaries rendered as workbooks.

mod actions;
mod audited;
mod findings;
mod programme;
mod registers;
mod rollup;
mod rollup_lists;
mod rollup_sheets;
mod rollup_summary;
mod summary;
mod table;

use crate::XlsxError;
use qms_core::{Dossier, Lang};
pub use rollup::render_rollup;

/// Which workbook [`render`] writes.
///
/// ```
/// use qms_xlsx::WorkbookKind;
/// assert_eq!(WorkbookKind::parse("actions"), Some(WorkbookKind::Actions));
/// assert_eq!(WorkbookKind::Actions.slug(), "actions");
/// assert_eq!(WorkbookKind::parse("plan"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkbookKind {
    /// Findings register (sổ theo dõi phát hiện).
    Findings,
    /// Corrective-action tracker (theo dõi hành động khắc phục).
    Actions,
    /// Audit summary: counts by unit × kind and by clause, with a chart.
    Summary,
    /// Audit programme matrix (unit × month).
    Programme,
    /// Document and record registers.
    Registers,
}

impl WorkbookKind {
    /// Every kind.
    pub const ALL: [WorkbookKind; 5] = [
        WorkbookKind::Findings,
        WorkbookKind::Actions,
        WorkbookKind::Summary,
        WorkbookKind::Programme,
        WorkbookKind::Registers,
    ];

    /// The name used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            WorkbookKind::Findings => "findings",
            WorkbookKind::Actions => "actions",
            WorkbookKind::Summary => "summary",
            WorkbookKind::Programme => "programme",
            WorkbookKind::Registers => "registers",
        }
    }

    /// Parses a slug.
    pub fn parse(text: &str) -> Option<WorkbookKind> {
        WorkbookKind::ALL
            .into_iter()
            .find(|k| k.slug() == text.trim())
    }
}

/// Options of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Language of the workbook.
    pub lang: Lang,
    /// Today: overdue actions are those due before it; also the document's creation date.
    pub today: chrono::NaiveDate,
    /// The tracker highlights actions overdue on the day the file is opened (TODAY() in its
    /// formulas) instead of on `today`. Off by default: the file then shows what was true on
    /// the day it was made, the same in every spreadsheet and on paper.
    pub live_overdue: bool,
}

impl RenderOptions {
    /// Options for a language and a day, overdue highlighting fixed on that day.
    ///
    /// ```
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    /// let o = qms_xlsx::RenderOptions::new(qms_core::Lang::En, today);
    /// assert!(!o.live_overdue);
    /// ```
    pub fn new(lang: Lang, today: chrono::NaiveDate) -> RenderOptions {
        RenderOptions {
            lang,
            today,
            live_overdue: false,
        }
    }
}

/// Writes a register or summary workbook; `audit` restricts findings, actions and the summary
/// to one audit.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 50, findings: 12, seed: 1, agency: 0 });
/// let opts = qms_xlsx::RenderOptions::new(qms_core::Lang::Vi,
///     chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
/// for kind in qms_xlsx::WorkbookKind::ALL {
///     let bytes = qms_xlsx::render(kind, &d, None, &opts).unwrap();
///     assert_eq!(&bytes[..2], b"PK");
/// }
/// ```
pub fn render(
    kind: WorkbookKind,
    dossier: &Dossier,
    audit: Option<&str>,
    opts: &RenderOptions,
) -> Result<Vec<u8>, XlsxError> {
    if let Some(id) = audit
        && !dossier.audits.iter().any(|a| a.id == id)
    {
        return Err(XlsxError::UnknownAudit {
            audit: id.to_owned(),
        });
    }
    let mut wb = rust_xlsxwriter::Workbook::new();
    let lang = opts.lang;
    let title = match kind {
        WorkbookKind::Findings => lang.pick("Sổ theo dõi phát hiện đánh giá", "Findings register"),
        WorkbookKind::Actions => {
            lang.pick("Theo dõi hành động khắc phục", "Corrective-action tracker")
        }
        WorkbookKind::Summary => {
            lang.pick("Tổng hợp kết quả đánh giá nội bộ", "Internal audit summary")
        }
        WorkbookKind::Programme => {
            lang.pick("Chương trình đánh giá nội bộ", "Internal audit programme")
        }
        WorkbookKind::Registers => lang.pick(
            "Danh mục tài liệu và hồ sơ",
            "Document and record registers",
        ),
    };
    wb.set_properties(&crate::props(
        opts.today,
        title,
        crate::names::agency_name(dossier, lang),
    ));
    let mut ctx = table::Ctx::new(dossier, audit, opts);
    use qms_core::model::QmsRecord;
    ctx.record = Some(match kind {
        WorkbookKind::Findings => QmsRecord::FindingsRegister,
        WorkbookKind::Actions => QmsRecord::ActionTracker,
        WorkbookKind::Summary => QmsRecord::AuditSummary,
        WorkbookKind::Programme => QmsRecord::Programme,
        WorkbookKind::Registers => QmsRecord::DocumentRegister,
    });
    match kind {
        WorkbookKind::Findings => findings::write(&mut wb, &ctx)?,
        WorkbookKind::Actions => actions::write(&mut wb, &ctx)?,
        WorkbookKind::Summary => summary::write(&mut wb, &ctx)?,
        WorkbookKind::Programme => programme::write(&mut wb, &ctx)?,
        WorkbookKind::Registers => registers::write(&mut wb, &ctx)?,
    }
    Ok(wb.save_to_buffer()?)
}
