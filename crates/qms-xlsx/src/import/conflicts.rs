//! Conflicts: what the importer will not apply without a person deciding.

use crate::layout;
use qms_core::Lang;

/// One thing in the filled workbooks that qms cannot apply with certainty.
///
/// ```
/// use qms_xlsx::{Conflict, ConflictKind};
/// let c = Conflict { workbook: "to-1.xlsx".into(), sheet: "Văn phòng".into(), cell: "F12".into(),
///     kind: ConflictKind::InvalidValue { column: 5, value: "Dat".into(),
///         allowed: vec!["Phù hợp".into(), "Không phù hợp".into()] } };
/// assert_eq!(c.kind.code(), "invalid-value");
/// assert_eq!(c.message(qms_core::Lang::Vi),
///     "to-1.xlsx, trang «Văn phòng», ô F12: giá trị «Dat» không có trong danh sách của cột Kết quả (Phù hợp; Không phù hợp)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Workbook name as given to the importer.
    pub workbook: String,
    /// Sheet name as found in the workbook.
    pub sheet: String,
    /// Cell reference, e.g. "F12" (the first cell of the row for row-level conflicts).
    pub cell: String,
    /// What is wrong.
    pub kind: ConflictKind,
}

/// The kinds of conflict, each with a stable [`ConflictKind::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    /// A row with content but without a valid row key (inserted, or its key was typed over).
    UnmatchedRow,
    /// Two rows of a sheet carry the key of the same item (a row was copied).
    DuplicateRow {
        /// The item id.
        item: String,
        /// Cell of the first row with that key.
        first: String,
    },
    /// The row's item is no longer in the checklist of the dossier.
    UnknownItem {
        /// Checklist id.
        checklist: String,
        /// Item id.
        item: String,
    },
    /// The sheet's checklist is no longer in the audit of the dossier.
    UnknownChecklist {
        /// Checklist id.
        checklist: String,
    },
    /// An exported checklist sheet is missing from the workbook.
    MissingSheet {
        /// Checklist id.
        checklist: String,
    },
    /// An item's row is missing from its sheet (a row was deleted).
    MissingRow {
        /// Item id.
        item: String,
    },
    /// A sheet that qms did not write holds content.
    ForeignSheet,
    /// Content in a column that is not part of the checklist.
    ForeignCell {
        /// What was typed.
        value: String,
    },
    /// A line of the header block (agency, audit, unit, auditor, date, instructions) was edited;
    /// the importer does not take header lines into the dossier.
    HeaderEdited {
        /// What the line says now.
        found: String,
    },
    /// A locked cell (clause, procedure, question, guidance, STT) was edited.
    LockedCellEdited {
        /// Zero-based column.
        column: u16,
        /// What it says now.
        found: String,
    },
    /// A value outside the dropdown of its column.
    InvalidValue {
        /// Zero-based column.
        column: u16,
        /// What was typed.
        value: String,
        /// The values the dropdown offers.
        allowed: Vec<String>,
    },
    /// The item changed in the dossier since the export, and the row says something else.
    StaleItem {
        /// Item id.
        item: String,
    },
    /// Another workbook (or sheet) answers the same item differently.
    Disagreement {
        /// Item id.
        item: String,
        /// The other workbook.
        other_workbook: String,
        /// The other sheet.
        other_sheet: String,
        /// The other row's first cell.
        other_cell: String,
    },
    /// An input cell holds a formula: its computed value is not what the auditor typed (and
    /// tools that write formulas without a cached value leave it empty), so the row is not
    /// imported; the formula and its value are kept in the message.
    Formula {
        /// Zero-based column.
        column: u16,
        /// The formula, starting with "=".
        formula: String,
        /// The value the workbook had cached for it (may be empty).
        value: String,
    },
    /// A cell holds more than an Excel cell can (32,767 characters): a hand-made file; taking
    /// it would leave a dossier whose next export fails.
    TooLong {
        /// Zero-based column.
        column: u16,
        /// Its length in UTF-16 units, as Excel counts.
        chars: usize,
    },
    /// The finding kind was cleared while the dossier records a finding for the item;
    /// the importer never deletes findings.
    FindingRemoval {
        /// The finding id.
        finding: String,
    },
}

impl ConflictKind {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ConflictKind::UnmatchedRow => "unmatched-row",
            ConflictKind::DuplicateRow { .. } => "duplicate-row",
            ConflictKind::UnknownItem { .. } => "unknown-item",
            ConflictKind::UnknownChecklist { .. } => "unknown-checklist",
            ConflictKind::MissingSheet { .. } => "missing-sheet",
            ConflictKind::MissingRow { .. } => "missing-row",
            ConflictKind::ForeignSheet => "foreign-sheet",
            ConflictKind::ForeignCell { .. } => "foreign-cell",
            ConflictKind::LockedCellEdited { .. } => "locked-cell-edited",
            ConflictKind::HeaderEdited { .. } => "header-edited",
            ConflictKind::InvalidValue { .. } => "invalid-value",
            ConflictKind::StaleItem { .. } => "stale-item",
            ConflictKind::Disagreement { .. } => "disagreement",
            ConflictKind::Formula { .. } => "formula",
            ConflictKind::TooLong { .. } => "cell-too-long",
            ConflictKind::FindingRemoval { .. } => "finding-removal",
        }
    }
}

impl Conflict {
    /// The message a lead auditor reads, with the workbook, sheet and cell first.
    pub fn message(&self, lang: Lang) -> String {
        let place = match lang {
            Lang::Vi => format!("{}, trang «{}», ô {}", self.workbook, self.sheet, self.cell),
            Lang::En => format!(
                "{}, sheet «{}», cell {}",
                self.workbook, self.sheet, self.cell
            ),
        };
        let col = |c: &u16| layout::column_label(*c, lang);
        let what = match (&self.kind, lang) {
            (ConflictKind::UnmatchedRow, Lang::Vi) => "dòng này không có mã nhận dạng của qms (dòng được chèn thêm hoặc cột ẩn bị sửa); nội dung của dòng chưa được nhập".to_owned(),
            (ConflictKind::UnmatchedRow, Lang::En) => "this row has no qms row key (it was inserted, or the hidden column was edited); its content was not imported".to_owned(),
            (ConflictKind::DuplicateRow { item, first }, Lang::Vi) => format!("dòng này trùng câu hỏi {item} với dòng ở ô {first} (dòng bị sao chép)"),
            (ConflictKind::DuplicateRow { item, first }, Lang::En) => format!("this row repeats item {item} of the row at {first} (a row was copied)"),
            (ConflictKind::UnknownItem { checklist, item }, Lang::Vi) => format!("câu hỏi {item} không còn trong phiếu {checklist} của hồ sơ"),
            (ConflictKind::UnknownItem { checklist, item }, Lang::En) => format!("item {item} is no longer in checklist {checklist} of the dossier"),
            (ConflictKind::UnknownChecklist { checklist }, Lang::Vi) => format!("phiếu {checklist} không còn trong cuộc đánh giá của hồ sơ"),
            (ConflictKind::UnknownChecklist { checklist }, Lang::En) => format!("checklist {checklist} is no longer in the audit of the dossier"),
            (ConflictKind::MissingSheet { checklist }, Lang::Vi) => format!("thiếu trang của phiếu {checklist} (trang đã bị xóa)"),
            (ConflictKind::MissingSheet { checklist }, Lang::En) => format!("the sheet of checklist {checklist} is missing (it was deleted)"),
            (ConflictKind::MissingRow { item }, Lang::Vi) => format!("thiếu dòng của câu hỏi {item} (dòng đã bị xóa)"),
            (ConflictKind::MissingRow { item }, Lang::En) => format!("the row of item {item} is missing (it was deleted)"),
            (ConflictKind::ForeignSheet, Lang::Vi) => "trang này không do qms tạo ra nhưng có nội dung; nội dung đó không được nhập".to_owned(),
            (ConflictKind::ForeignSheet, Lang::En) => "this sheet was not written by qms but holds content; that content is not imported".to_owned(),
            (ConflictKind::ForeignCell { value }, Lang::Vi) => format!("ô nằm ngoài các cột của phiếu có nội dung «{value}»; nội dung này không được nhập"),
            (ConflictKind::ForeignCell { value }, Lang::En) => format!("a cell outside the checklist's columns holds «{value}»; it is not imported"),
            (ConflictKind::HeaderEdited { found }, Lang::Vi) => format!("thông tin đầu phiếu đã bị sửa thành «{found}»; qms không nhập phần đầu phiếu, hãy sửa trong hồ sơ (cuộc đánh giá, đơn vị, chuyên gia, ngày) nếu cần"),
            (ConflictKind::HeaderEdited { found }, Lang::En) => format!("the header line was edited to «{found}»; header lines are not imported, correct the audit, unit, auditor or date in the dossier if needed"),
            (ConflictKind::LockedCellEdited { column, found }, Lang::Vi) => format!("cột {} bị khóa nhưng đã bị sửa thành «{found}»", col(column)),
            (ConflictKind::LockedCellEdited { column, found }, Lang::En) => format!("the locked column {} was edited to «{found}»", col(column)),
            (ConflictKind::InvalidValue { column, value, allowed }, Lang::Vi) => format!("giá trị «{value}» không có trong danh sách của cột {} ({})", col(column), allowed.join("; ")),
            (ConflictKind::InvalidValue { column, value, allowed }, Lang::En) => format!("«{value}» is not in the list of column {} ({})", col(column), allowed.join("; ")),
            (ConflictKind::StaleItem { item }, Lang::Vi) => format!("câu hỏi {item} đã thay đổi trong hồ sơ sau khi xuất phiếu, và nội dung trên phiếu khác với hồ sơ; hãy đối chiếu rồi sửa trong hồ sơ hoặc xuất phiếu mới"),
            (ConflictKind::StaleItem { item }, Lang::En) => format!("item {item} changed in the dossier after the export and the row says otherwise; reconcile it in the dossier or export a new workbook"),
            (ConflictKind::Disagreement { item, other_workbook, other_sheet, other_cell }, Lang::Vi) => format!("câu hỏi {item} được trả lời khác ở {other_workbook}, trang «{other_sheet}», ô {other_cell}"),
            (ConflictKind::Disagreement { item, other_workbook, other_sheet, other_cell }, Lang::En) => format!("item {item} is answered differently in {other_workbook}, sheet «{other_sheet}», cell {other_cell}"),
            (ConflictKind::Formula { column, formula, value }, Lang::Vi) => format!("ô ở cột {} chứa công thức «{formula}»{}; qms chỉ nhập chữ được gõ vào, hãy gõ lại nội dung dưới dạng văn bản (có thể bắt đầu bằng dấu ' ) rồi nhập lại", col(column), if value.is_empty() { String::new() } else { format!(" (giá trị «{value}»)") }),
            (ConflictKind::Formula { column, formula, value }, Lang::En) => format!("the cell in column {} holds the formula «{formula}»{}; only typed text is imported, type the content as text (it may start with ') and import again", col(column), if value.is_empty() { String::new() } else { format!(" (value «{value}»)") }),
            (ConflictKind::TooLong { column, chars }, Lang::Vi) => format!("ô ở cột {} dài {} ký tự, quá giới hạn 32.767 ký tự của một ô Excel; hãy rút gọn hoặc tách nội dung rồi nhập lại", col(column), qms_core::numbers::count(*chars as u64, Lang::Vi)),
            (ConflictKind::TooLong { column, chars }, Lang::En) => format!("the cell in column {} holds {} characters, over Excel's limit of 32,767 per cell; shorten or split it and import again", col(column), qms_core::numbers::count(*chars as u64, Lang::En)),
            (ConflictKind::FindingRemoval { finding }, Lang::Vi) => format!("loại phát hiện bị xóa trống nhưng hồ sơ đã có phát hiện {finding}; qms không xóa phát hiện khi nhập, hãy xóa trong hồ sơ nếu cần"),
            (ConflictKind::FindingRemoval { finding }, Lang::En) => format!("the finding kind was cleared but the dossier records finding {finding}; the importer never deletes findings, delete it in the dossier if intended"),
        };
        format!("{place}: {what}")
    }
}

/// The conflicts of one import: the first [`MAX_CONFLICTS`](super::limits::MAX_CONFLICTS)
/// kept, the rest only counted, so a workbook with a million bad rows costs a counter, not
/// gigabytes of messages.
#[derive(Debug, Default)]
pub(crate) struct ConflictList {
    list: Vec<Conflict>,
    omitted: usize,
}

impl ConflictList {
    pub(crate) fn push(&mut self, c: Conflict) {
        if self.list.len() < super::limits::MAX_CONFLICTS {
            self.list.push(c);
        } else {
            self.omitted += 1;
        }
    }

    /// Every conflict found, kept or not.
    pub(crate) fn len(&self) -> usize {
        self.list.len() + self.omitted
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kept conflicts and how many more there were.
    pub(crate) fn into_parts(self) -> (Vec<Conflict>, usize) {
        (self.list, self.omitted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(kind: ConflictKind) -> Conflict {
        Conflict {
            workbook: "to-2.xlsx".into(),
            sheet: "Văn phòng".into(),
            cell: "K12".into(),
            kind,
        }
    }

    #[test]
    fn every_kind_reads_well_in_both_languages() {
        let kinds = [
            ConflictKind::UnmatchedRow,
            ConflictKind::DuplicateRow {
                item: "i01".into(),
                first: "A9".into(),
            },
            ConflictKind::UnknownItem {
                checklist: "c1".into(),
                item: "i01".into(),
            },
            ConflictKind::UnknownChecklist {
                checklist: "c1".into(),
            },
            ConflictKind::MissingSheet {
                checklist: "c1".into(),
            },
            ConflictKind::MissingRow { item: "i01".into() },
            ConflictKind::ForeignSheet,
            ConflictKind::ForeignCell {
                value: "ghi chú".into(),
            },
            ConflictKind::LockedCellEdited {
                column: 3,
                found: "x".into(),
            },
            ConflictKind::InvalidValue {
                column: 7,
                value: "NC".into(),
                allowed: vec!["Điểm lưu ý".into()],
            },
            ConflictKind::StaleItem { item: "i01".into() },
            ConflictKind::Disagreement {
                item: "i01".into(),
                other_workbook: "to-3.xlsx".into(),
                other_sheet: "Văn phòng".into(),
                other_cell: "A20".into(),
            },
            ConflictKind::Formula {
                column: 6,
                formula: "=14/52".into(),
                value: "0.269230769230769".into(),
            },
            ConflictKind::TooLong {
                column: 6,
                chars: 40_000,
            },
            ConflictKind::FindingRemoval {
                finding: "f-1".into(),
            },
        ];
        let mut codes = std::collections::HashSet::new();
        for kind in kinds {
            assert!(codes.insert(kind.code()), "codes are distinct");
            let c = at(kind);
            let vi = c.message(Lang::Vi);
            let en = c.message(Lang::En);
            assert!(
                vi.starts_with("to-2.xlsx, trang «Văn phòng», ô K12: "),
                "{vi}"
            );
            assert!(
                en.starts_with("to-2.xlsx, sheet «Văn phòng», cell K12: "),
                "{en}"
            );
            assert_ne!(vi, en);
        }
        assert_eq!(
            at(ConflictKind::ForeignCell {
                value: "ghi chú".into()
            })
            .message(Lang::Vi),
            "to-2.xlsx, trang «Văn phòng», ô K12: ô nằm ngoài các cột của phiếu có nội dung «ghi chú»; nội dung này không được nhập"
        );
        assert_eq!(
            at(ConflictKind::UnknownItem {
                checklist: "c1".into(),
                item: "i01".into()
            })
            .message(Lang::En),
            "to-2.xlsx, sheet «Văn phòng», cell K12: item i01 is no longer in checklist c1 of the dossier"
        );
    }
}
