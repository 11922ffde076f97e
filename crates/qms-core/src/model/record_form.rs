//! Which controlled form (biểu mẫu, "BM.QT05.01") each record qms writes is made on: agencies
//! keep records on forms their procedures issue, and an inspector checks that a record carries
//! the code, issue number and date of its form.

use super::register::{DocumentKind, DocumentStatus, Registers};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A record qms writes, as the records register links it to its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QmsRecord {
    /// Chương trình đánh giá nội bộ năm.
    Programme,
    /// Kế hoạch đánh giá nội bộ.
    Plan,
    /// Quyết định thành lập Đoàn đánh giá nội bộ.
    TeamDecision,
    /// Phiếu câu hỏi đánh giá (checklist).
    Checklist,
    /// Báo cáo đánh giá nội bộ.
    Report,
    /// Phiếu yêu cầu hành động khắc phục.
    CorrectiveActionRequest,
    /// Sổ theo dõi hành động khắc phục.
    ActionTracker,
    /// Sổ theo dõi phát hiện đánh giá.
    FindingsRegister,
    /// Bảng tổng hợp kết quả đánh giá.
    AuditSummary,
    /// Thông báo họp xem xét của lãnh đạo.
    ReviewNotice,
    /// Báo cáo xem xét của lãnh đạo.
    ReviewReport,
    /// Biên bản họp xem xét của lãnh đạo.
    Minutes,
    /// Danh mục tài liệu, hồ sơ.
    DocumentRegister,
}

impl QmsRecord {
    /// The usual title of the record, matched against the records register when no entry
    /// names the record explicitly.
    pub fn usual_title(&self) -> &'static str {
        match self {
            QmsRecord::Programme => "Chương trình đánh giá nội bộ",
            QmsRecord::Plan => "Kế hoạch đánh giá nội bộ",
            QmsRecord::TeamDecision => "Quyết định thành lập Đoàn đánh giá",
            QmsRecord::Checklist => "Phiếu câu hỏi đánh giá",
            QmsRecord::Report => "Báo cáo đánh giá nội bộ",
            QmsRecord::CorrectiveActionRequest => "Phiếu yêu cầu hành động khắc phục",
            QmsRecord::ActionTracker => "Sổ theo dõi hành động khắc phục",
            QmsRecord::FindingsRegister => "Sổ theo dõi phát hiện đánh giá",
            QmsRecord::AuditSummary => "Bảng tổng hợp kết quả đánh giá",
            QmsRecord::ReviewNotice => "Thông báo họp xem xét của lãnh đạo",
            QmsRecord::ReviewReport => "Báo cáo xem xét của lãnh đạo",
            QmsRecord::Minutes => "Biên bản họp xem xét của lãnh đạo",
            QmsRecord::DocumentRegister => "Danh mục tài liệu",
        }
    }
}

impl QmsRecord {
    /// Other titles agencies give the record in their registers, after the usual one, which
    /// the fallback by title also accepts (a register may say "Kế hoạch đánh giá" for the
    /// audit plan, or "Báo cáo kết quả thực hiện HTQLCL" for the review's input report).
    pub fn other_titles(&self) -> &'static [&'static str] {
        match self {
            QmsRecord::Programme => &["Chương trình đánh giá"],
            QmsRecord::Plan => &["Kế hoạch đánh giá"],
            QmsRecord::TeamDecision => &["Quyết định thành lập Tổ đánh giá"],
            QmsRecord::Checklist => &["Phiếu kiểm tra đánh giá", "Danh mục câu hỏi đánh giá"],
            QmsRecord::Report => &["Báo cáo kết quả đánh giá nội bộ"],
            QmsRecord::CorrectiveActionRequest => {
                &["Phiếu yêu cầu khắc phục", "Phiếu hành động khắc phục"]
            }
            QmsRecord::ActionTracker => &["Sổ theo dõi khắc phục"],
            QmsRecord::FindingsRegister => &["Sổ theo dõi các phát hiện"],
            QmsRecord::AuditSummary => &["Bảng tổng hợp đánh giá"],
            QmsRecord::ReviewNotice => &[
                "Thông báo xem xét của lãnh đạo",
                "Giấy mời họp xem xét của lãnh đạo",
            ],
            QmsRecord::ReviewReport => &[
                "Báo cáo kết quả thực hiện HTQLCL",
                "Báo cáo kết quả thực hiện hệ thống quản lý chất lượng",
                "Báo cáo đầu vào xem xét của lãnh đạo",
            ],
            QmsRecord::Minutes => &[
                "Biên bản xem xét của lãnh đạo",
                "Biên bản họp xem xét lãnh đạo",
            ],
            QmsRecord::DocumentRegister => &["Danh sách tài liệu"],
        }
    }

    /// Whether a register title names this record: it starts with one of the record's titles,
    /// or is one of them cut short at a word ("Kế hoạch đánh giá" for "Kế hoạch đánh giá nội
    /// bộ"), at least three words long so that "Báo cáo" names no record. Case aside.
    ///
    /// ```
    /// use qms_core::model::QmsRecord;
    /// assert!(QmsRecord::Plan.is_titled("KẾ HOẠCH ĐÁNH GIÁ"));
    /// assert!(QmsRecord::Plan.is_titled("Kế hoạch đánh giá nội bộ năm 2025"));
    /// assert!(!QmsRecord::Plan.is_titled("Kế hoạch"));
    /// assert!(!QmsRecord::Programme.is_titled("Kế hoạch đánh giá"));
    /// ```
    pub fn is_titled(&self, title: &str) -> bool {
        let title = title.trim().to_lowercase();
        let words = title.split_whitespace().count();
        std::iter::once(self.usual_title())
            .chain(self.other_titles().iter().copied())
            .map(str::to_lowercase)
            .any(|t| {
                title.starts_with(&t)
                    || (words >= 3 && t.starts_with(&title) && t[title.len()..].starts_with(' '))
            })
    }
}

/// The form a record is made on: its code and, when the internal documents register lists
/// the form, its issue number and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormIssue<'a> {
    /// Form code, e.g. "BM.QT05.01".
    pub code: &'a str,
    /// Issue number (lần ban hành), e.g. "04".
    pub revision: Option<&'a str>,
    /// Date issued.
    pub issued_on: Option<NaiveDate>,
}

impl Registers {
    /// The form `record` is made on: the records-register entry that names it in `qms_record`;
    /// else the first unlinked entry, then the first current form of the internal documents,
    /// whose title names the record ([`QmsRecord::is_titled`]), for every kind of record alike;
    /// `None` when none has a
    /// code. Issue number and date come from the form in the internal documents register.
    ///
    /// ```
    /// use qms_core::model::{QmsRecord, RecordEntry, Registers};
    /// let mut r = Registers::default();
    /// let mut e = RecordEntry::new("hs-car", "Phiếu yêu cầu hành động khắc phục");
    /// e.form_code = Some("BM.QT05.01".into());
    /// r.records.push(e);
    /// assert_eq!(r.form_of(QmsRecord::CorrectiveActionRequest).unwrap().code, "BM.QT05.01");
    /// assert!(r.form_of(QmsRecord::Minutes).is_none());
    /// ```
    pub fn form_of(&self, record: QmsRecord) -> Option<FormIssue<'_>> {
        let coded = |e: &&super::register::RecordEntry| {
            e.form_code.as_deref().is_some_and(|c| !c.trim().is_empty())
        };
        let current_form = |d: &&super::register::InternalDocument| {
            d.kind == DocumentKind::Form && d.status == DocumentStatus::Current
        };
        let code = self
            .records
            .iter()
            .filter(coded)
            .find(|e| e.qms_record == Some(record))
            .or_else(|| {
                // Only entries not linked to another record take part in the fallback.
                self.records
                    .iter()
                    .filter(coded)
                    .filter(|e| e.qms_record.is_none())
                    .find(|e| record.is_titled(&e.title))
            })
            .and_then(|e| e.form_code.as_deref())
            .or_else(|| {
                // Then the forms of the internal documents register, by title.
                self.internal_documents
                    .iter()
                    .filter(current_form)
                    .find(|d| record.is_titled(&d.title))
                    .map(|d| d.code.as_str())
            })?
            .trim();
        let form = self
            .internal_documents
            .iter()
            .filter(current_form)
            .find(|d| d.code.trim() == code);
        Some(FormIssue {
            code,
            revision: form.and_then(|f| f.revision.as_deref()),
            issued_on: form.and_then(|f| f.issued_on),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InternalDocument, RecordEntry};

    fn entry(id: &str, title: &str, code: &str, link: Option<QmsRecord>) -> RecordEntry {
        let mut e = RecordEntry::new(id, title);
        e.form_code = Some(code.into());
        e.qms_record = link;
        e
    }

    fn form(code: &str, title: &str, revision: &str) -> InternalDocument {
        InternalDocument {
            id: code.to_lowercase(),
            code: code.into(),
            title: title.into(),
            kind: DocumentKind::Form,
            revision: Some(revision.into()),
            issued_on: NaiveDate::from_ymd_opt(2023, 6, 1),
            owner_unit: None,
            location: None,
            status: DocumentStatus::Current,
        }
    }

    #[test]
    fn an_explicit_link_beats_a_matching_title_and_the_form_gives_issue_and_date() {
        let mut r = Registers::default();
        r.records.push(entry(
            "a",
            "Phiếu yêu cầu hành động khắc phục (cũ)",
            "BM.QT05.09",
            None,
        ));
        r.records.push(entry(
            "b",
            "Phiếu HĐKP",
            "BM.QT05.01",
            Some(QmsRecord::CorrectiveActionRequest),
        ));
        r.internal_documents
            .push(form("BM.QT05.01", "Phiếu yêu cầu HĐKP", "04"));
        let f = r.form_of(QmsRecord::CorrectiveActionRequest).unwrap();
        assert_eq!(f.code, "BM.QT05.01");
        assert_eq!(f.revision, Some("04"));
        assert_eq!(f.issued_on, NaiveDate::from_ymd_opt(2023, 6, 1));
    }

    /// Every record, each once (the match fails to compile when a record is added).
    fn every_record() -> Vec<QmsRecord> {
        use QmsRecord::*;
        let all = [
            Programme,
            Plan,
            TeamDecision,
            Checklist,
            Report,
            CorrectiveActionRequest,
            ActionTracker,
            FindingsRegister,
            AuditSummary,
            ReviewNotice,
            ReviewReport,
            Minutes,
            DocumentRegister,
        ];
        for r in all {
            match r {
                Programme
                | Plan
                | TeamDecision
                | Checklist
                | Report
                | CorrectiveActionRequest
                | ActionTracker
                | FindingsRegister
                | AuditSummary
                | ReviewNotice
                | ReviewReport
                | Minutes
                | DocumentRegister => {}
            }
        }
        all.to_vec()
    }

    #[test]
    fn the_fallback_by_title_finds_every_kind_under_each_of_its_titles() {
        let all = every_record();
        for record in &all {
            let titles =
                std::iter::once(record.usual_title()).chain(record.other_titles().iter().copied());
            for title in titles {
                // Only the forms register, with every other record's form beside it.
                let mut r = Registers::default();
                for (i, other) in all.iter().enumerate().filter(|(_, o)| *o != record) {
                    r.internal_documents
                        .push(form(&format!("BM.X{i}"), other.usual_title(), "01"));
                }
                r.internal_documents.push(form("BM.ME", title, "01"));
                let found = r.form_of(*record).map(|f| f.code);
                assert_eq!(found, Some("BM.ME"), "{record:?} titled {title:?}");
                // And as an unlinked records-register entry.
                let mut r = Registers::default();
                r.records
                    .push(entry("e", &title.to_uppercase(), "BM.R", None));
                assert_eq!(r.form_of(*record).map(|f| f.code), Some("BM.R"));
            }
        }
    }

    #[test]
    fn a_register_title_cut_short_at_a_word_still_names_the_record() {
        let mut r = Registers::default();
        r.internal_documents
            .push(form("BM.QT03.02", "Kế hoạch đánh giá", "02"));
        r.internal_documents
            .push(form("BM.QT03.09", "Kế hoạch", "02"));
        assert_eq!(r.form_of(QmsRecord::Plan).unwrap().code, "BM.QT03.02");
        assert!(r.form_of(QmsRecord::Programme).is_none());
        assert!(!QmsRecord::Plan.is_titled("Kế hoạch đánh gi"));
    }

    #[test]
    fn without_a_link_the_title_decides_then_the_forms_register() {
        let mut r = Registers::default();
        // Linked to another record: not a candidate for the plan.
        r.records.push(entry(
            "a",
            "Kế hoạch đánh giá nội bộ",
            "BM.X",
            Some(QmsRecord::Programme),
        ));
        assert!(r.form_of(QmsRecord::Plan).is_none());
        r.internal_documents
            .push(form("BM.QT03.02", "Kế hoạch đánh giá nội bộ năm", "02"));
        assert_eq!(r.form_of(QmsRecord::Plan).unwrap().code, "BM.QT03.02");
        r.records
            .push(entry("c", "KẾ HOẠCH ĐÁNH GIÁ NỘI BỘ", "BM.QT03.07", None));
        let f = r.form_of(QmsRecord::Plan).unwrap();
        assert_eq!((f.code, f.revision), ("BM.QT03.07", None));
    }
}
