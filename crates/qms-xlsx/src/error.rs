//! Typed errors of the workbook writers and of the checklist importer.

use qms_core::Lang;

/// Something that stops qms from writing or reading a workbook as a whole.
///
/// Problems with single rows of a filled checklist are not errors but
/// [`crate::Conflict`]s, listed together so the lead auditor sees them all at once.
///
/// ```
/// let err = qms_xlsx::XlsxError::Encrypted { workbook: "to-1.xlsx".into() };
/// assert_eq!(err.code(), "encrypted-workbook");
/// assert!(err.message(qms_core::Lang::Vi).contains("mật khẩu"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    /// The audit id names no audit of the dossier.
    #[error("the dossier has no audit \"{audit}\"")]
    UnknownAudit {
        /// The id asked for.
        audit: String,
    },
    /// The audit has no checklist to export (for that auditor, when one was given).
    #[error("audit \"{audit}\" has no checklist{}", auditor.as_ref().map(|a| format!(" for auditor \"{a}\"")).unwrap_or_default())]
    NoChecklists {
        /// The audit.
        audit: String,
        /// The auditor filter, if any.
        auditor: Option<String>,
    },
    /// A text is longer than the 32,767 characters an Excel cell holds.
    #[error(
        "{what} is {chars} characters long; an Excel cell holds at most 32767 (sheet \"{sheet}\", cell {cell})"
    )]
    CellTooLong {
        /// Sheet name.
        sheet: String,
        /// Cell reference, e.g. "G12".
        cell: String,
        /// What the text is, e.g. "evidence of item i012".
        what: String,
        /// Its length in characters.
        chars: usize,
    },
    /// The workbook writer failed (this is a bug in qms, not in the input).
    #[error("the workbook writer failed: {detail}")]
    Write {
        /// The writer's message.
        detail: String,
    },
    /// The file is not an .xlsx package (a legacy .xls, a .docx, a PDF...).
    #[error("{workbook} is not an Excel .xlsx workbook: {}", found.words(Lang::En))]
    NotXlsx {
        /// Name of the workbook as given.
        workbook: String,
        /// What was found instead.
        found: NotXlsx,
    },
    /// The file is protected by a password to open (encrypted).
    #[error(
        "{workbook} is encrypted with a password to open; save it without one and import again"
    )]
    Encrypted {
        /// Name of the workbook.
        workbook: String,
    },
    /// The file or its package exceeds a limit of the importer (see the crate documentation).
    #[error("{workbook}: {what} is {actual}, more than the limit of {limit}")]
    PackageLimit {
        /// Name of the workbook.
        workbook: String,
        /// Which limit, e.g. "file size (bytes)".
        what: String,
        /// The limit.
        limit: u64,
        /// What the package has.
        actual: u64,
    },
    /// The package is damaged and cannot be read.
    #[error(
        "{workbook} cannot be read: the workbook is damaged or cut short; open it in Excel, save it again and import it again ({detail})"
    )]
    Unreadable {
        /// Name of the workbook.
        workbook: String,
        /// The reader's message.
        detail: String,
    },
    /// The workbook is an .xlsx but was not exported by `qms checklist export`.
    #[error(
        "{workbook} is not a checklist workbook exported by qms (its hidden sheet \"_qms\" is missing or damaged)"
    )]
    NotAChecklist {
        /// Name of the workbook.
        workbook: String,
    },
    /// The workbook was exported from another dossier.
    #[error("{workbook} was exported from dossier \"{found}\", not from \"{expected}\"")]
    OtherDossier {
        /// Name of the workbook.
        workbook: String,
        /// The dossier being imported into.
        expected: String,
        /// The dossier named in the workbook.
        found: String,
    },
    /// The workbook was written by a newer qms with a metadata layout this version cannot read.
    #[error(
        "{workbook} uses checklist metadata version {version}, newer than this qms understands"
    )]
    UnsupportedVersion {
        /// Name of the workbook.
        workbook: String,
        /// The version found.
        version: String,
    },
}

impl XlsxError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            XlsxError::UnknownAudit { .. } => "unknown-audit",
            XlsxError::NoChecklists { .. } => "no-checklists",
            XlsxError::CellTooLong { .. } => "cell-too-long",
            XlsxError::Write { .. } => "xlsx-write",
            XlsxError::NotXlsx { .. } => "not-xlsx",
            XlsxError::Encrypted { .. } => "encrypted-workbook",
            XlsxError::PackageLimit { .. } => "package-limit",
            XlsxError::Unreadable { .. } => "unreadable-workbook",
            XlsxError::NotAChecklist { .. } => "not-a-checklist",
            XlsxError::OtherDossier { .. } => "other-dossier",
            XlsxError::UnsupportedVersion { .. } => "unsupported-version",
        }
    }

    /// The message for a person, in Vietnamese or English.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            XlsxError::UnknownAudit { audit } => {
                format!("Hồ sơ không có cuộc đánh giá \"{audit}\"")
            }
            XlsxError::NoChecklists { audit, auditor } => format!(
                "Cuộc đánh giá \"{audit}\" không có phiếu câu hỏi đánh giá nào{}",
                auditor
                    .as_ref()
                    .map(|a| format!(" của chuyên gia \"{a}\""))
                    .unwrap_or_default()
            ),
            XlsxError::CellTooLong {
                sheet,
                cell,
                what,
                chars,
            } => format!(
                "{what} dài {chars} ký tự, vượt giới hạn 32.767 ký tự của một ô Excel (trang \"{sheet}\", ô {cell})"
            ),
            XlsxError::Write { detail } => format!("Lỗi khi ghi bảng tính: {detail}"),
            XlsxError::NotXlsx { workbook, found } => format!(
                "{workbook} không phải bảng tính Excel .xlsx: {}",
                found.words(Lang::Vi)
            ),
            XlsxError::Encrypted { workbook } => format!(
                "{workbook} được mã hóa bằng mật khẩu mở tệp; hãy lưu lại không đặt mật khẩu rồi nhập lại"
            ),
            XlsxError::PackageLimit {
                workbook,
                what,
                limit,
                actual,
            } => format!(
                "{workbook}: {what} là {}, vượt giới hạn {}",
                qms_core::numbers::count(*actual, Lang::Vi),
                qms_core::numbers::count(*limit, Lang::Vi)
            ),
            // The reader's own words stay, in parentheses, for whoever looks into the file.
            XlsxError::Unreadable { workbook, detail } => format!(
                "Không đọc được {workbook}: bảng tính bị hỏng hoặc bị cắt cụt; hãy mở bằng Excel, lưu lại rồi nhập lại (chi tiết: {detail})"
            ),
            XlsxError::NotAChecklist { workbook } => format!(
                "{workbook} không phải phiếu câu hỏi đánh giá do qms xuất ra (thiếu hoặc hỏng trang ẩn \"_qms\")"
            ),
            XlsxError::OtherDossier {
                workbook,
                expected,
                found,
            } => format!(
                "{workbook} được xuất từ hồ sơ \"{found}\", không phải từ hồ sơ \"{expected}\""
            ),
            XlsxError::UnsupportedVersion { workbook, version } => format!(
                "{workbook} dùng phiên bản siêu dữ liệu {version}, mới hơn phiên bản qms này hiểu được"
            ),
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError::Write {
            detail: e.to_string(),
        }
    }
}

/// What a file given as a workbook turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotXlsx {
    /// A legacy .xls workbook (Excel 97–2003).
    LegacyXls,
    /// Not a zip package at all (a PDF, a text file, random bytes).
    NotZip,
    /// A zip package without a workbook part (a .docx, an .ods).
    NoWorkbook,
}

impl NotXlsx {
    /// What was found, and what to do, in a language.
    ///
    /// ```
    /// use qms_xlsx::NotXlsx;
    /// assert!(NotXlsx::LegacyXls.words(qms_core::Lang::Vi).contains(".xlsx"));
    /// assert!(NotXlsx::NotZip.words(qms_core::Lang::En).contains("not a zip"));
    /// ```
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            NotXlsx::LegacyXls => lang.pick(
                "đây là tệp .xls kiểu cũ (Excel 97–2003); hãy lưu lại dưới dạng .xlsx",
                "legacy .xls format (save it as .xlsx)",
            ),
            NotXlsx::NotZip => lang.pick(
                "tệp không phải gói nén .xlsx (có thể là PDF, văn bản hoặc tệp hỏng)",
                "not a zip package",
            ),
            NotXlsx::NoWorkbook => lang.pick(
                "gói không có phần xl/workbook.xml (có phải tệp .docx hay .ods không?)",
                "the package has no xl/workbook.xml (is it a .docx or .ods?)",
            ),
        }
    }
}
