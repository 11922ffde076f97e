//! The signature lines under a checklist: the auditee representative on the left, the
//! auditor on the right, each with "(Ký, ghi rõ họ tên)" and room to sign (ISO 19011 6.4.7:
//! the checklist is a record of the audit, signed by who took part).

use crate::error::XlsxError;
use crate::layout::col;
use crate::metadata::SIGN_KEY;
use crate::style::Styles;
use qms_core::model::{Audit, Checklist};
use qms_core::{Dossier, Lang};
use rust_xlsxwriter::Worksheet;

/// Rows the signature block takes, counted from the row after the table.
pub(crate) const SIGN_ROWS: u32 = 7;

/// Heights of the block's rows, in points: the blank row under the table, the captions, the
/// "(Ký, ghi rõ họ tên)" line, three rows of room to sign (about 2 cm printed), the names.
/// Set explicitly so that the page layout (crate::pagination) knows them exactly.
pub(crate) const SIGN_HEIGHTS: [f64; SIGN_ROWS as usize] =
    [18.75, 18.75, 18.75, 25.5, 25.5, 25.5, 18.75];

/// Who signs for the unit audited: the auditee representative the audit plan's schedule names
/// for the checklist's unit (the row of the checklist's day when the unit has several), else
/// the unit's head. The plan's choice comes first: the head may not be the one who received
/// the auditors, and may even sit on the audit team (then the same name would sign both sides).
///
/// ```ignore
/// let name = unit_representative(dossier, audit, checklist); // "Nguyễn Thị Ngọc Hân"
/// ```
pub(crate) fn unit_representative<'d>(
    dossier: &'d Dossier,
    audit: &'d Audit,
    checklist: &Checklist,
) -> Option<&'d str> {
    let rows = || {
        audit
            .plan
            .schedule
            .iter()
            .filter(|r| r.unit.as_deref() == Some(checklist.unit.as_str()))
            .filter_map(|r| Some((r.date, r.auditee_representative.as_deref()?)))
    };
    let scheduled = rows()
        .find(|(day, _)| Some(*day) == checklist.date)
        .or_else(|| rows().next())
        .map(|(_, person)| person);
    let head = || {
        dossier
            .unit(&checklist.unit)
            .and_then(|u| u.head.as_deref())
    };
    scheduled
        .and_then(|p| dossier.person(p))
        .or_else(|| head().and_then(|p| dossier.person(p)))
        .map(|p| p.name.as_str())
}

/// Writes the block starting two rows under `last_row`; returns its last row.
pub(crate) fn checklist_signatures(
    ws: &mut Worksheet,
    s: &Styles,
    lang: Lang,
    last_row: u32,
    unit_representative: Option<&str>,
    auditor: Option<&str>,
) -> Result<u32, XlsxError> {
    let top = last_row + 2;
    let left = (col::STT, col::GUIDANCE);
    let right = (col::RESULT, col::NOTE);
    let lines: [(u32, [&str; 2], bool); 3] = [
        (
            top,
            [
                lang.pick("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ", "FOR THE UNIT AUDITED"),
                lang.pick("CHUYÊN GIA ĐÁNH GIÁ", "AUDITOR"),
            ],
            true,
        ),
        (
            top + 1,
            [lang.pick("(Ký, ghi rõ họ tên)", "(Signature and full name)"); 2],
            false,
        ),
        (
            top + SIGN_ROWS - 2,
            [
                unit_representative.unwrap_or_default(),
                auditor.unwrap_or_default(),
            ],
            true,
        ),
    ];
    // The columns carry bordered formats for the table; blank cells of the block get a plain
    // one, so no grid is printed around the signatures. Rows go strictly in order: a streamed
    // (constant-memory) sheet drops any write to a row above the last one written.
    for (row, height) in (last_row + 1..=top + SIGN_ROWS - 2).zip(SIGN_HEIGHTS) {
        ws.set_row_height(row, height)?;
        match lines.iter().find(|(r, _, _)| *r == row) {
            Some((_, [a, b], bold)) => {
                let f = if *bold { &s.sign } else { &s.sign_note };
                ws.merge_range(row, left.0, row, left.1, a, f)?;
                ws.merge_range(row, right.0, row, right.1, b, f)?;
                ws.write_string(row, col::KEY, SIGN_KEY)?;
            }
            None => {
                for c in left.0..=right.1 {
                    ws.write_blank(row, c, &s.value)?;
                }
            }
        }
    }
    Ok(top + SIGN_ROWS - 2)
}
