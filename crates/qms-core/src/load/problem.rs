//! Problems found while loading a dossier, each with a stable code, a path and vi/en text.

use super::path::JsonPath;
use super::type_words::{expected_words, found_words};
use crate::{Edition, Lang};
use serde::Serialize;
use std::fmt;

/// One problem in a dossier: what, where, and in which line of the file.
///
/// ```
/// use qms_core::{Edition, JsonPath, Lang, Problem, ProblemKind};
/// let p = Problem::new(
///     JsonPath::root().key("audits").index(2).key("findings").index(0).key("clauses").index(1),
///     ProblemKind::UnknownClause { id: "9.9".into(), edition: Edition::Iso9001_2015 },
/// );
/// assert_eq!(p.code(), "QMS-V005");
/// assert_eq!(p.to_string(),
///     "audits[2].findings[0].clauses[1]: unknown clause \"9.9\" in TCVN ISO 9001:2015");
/// assert!(p.message(Lang::Vi).starts_with("điều khoản \"9.9\" không có trong TCVN ISO 9001:2015"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where the problem is.
    pub path: JsonPath,
    /// What it is.
    pub kind: ProblemKind,
    /// 1-based line in the text, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
}

/// What kind of record an id refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A unit.
    Unit,
    /// A person.
    Person,
    /// A procedure.
    Procedure,
    /// An audit programme.
    Programme,
    /// A planned audit of a programme.
    PlannedAudit,
    /// An audit.
    Audit,
    /// A checklist of the same audit.
    Checklist,
    /// An item of the checklist named beside it.
    ChecklistItem,
    /// A finding.
    Finding,
    /// A corrective action.
    CorrectiveAction,
    /// A management review.
    Review,
    /// A decision of a management review.
    Decision,
    /// A corrective action or a review decision.
    ActionOrDecision,
    /// An announcement of the QMS.
    Announcement,
    /// A quality objective.
    Objective,
    /// An internal document of the register.
    InternalDocument,
    /// An external document of the register.
    ExternalDocument,
    /// A record of the register.
    Record,
}

impl RefKind {
    fn label(self, lang: Lang) -> &'static str {
        use RefKind::*;
        match self {
            Unit => lang.pick("đơn vị", "unit"),
            Person => lang.pick("người", "person"),
            Procedure => lang.pick("quy trình", "procedure"),
            Programme => lang.pick("chương trình đánh giá", "audit programme"),
            PlannedAudit => lang.pick("cuộc đánh giá dự kiến", "planned audit"),
            Audit => lang.pick("cuộc đánh giá", "audit"),
            Checklist => lang.pick("phiếu câu hỏi đánh giá", "checklist"),
            ChecklistItem => lang.pick("câu hỏi", "checklist item"),
            Finding => lang.pick("phát hiện", "finding"),
            CorrectiveAction => lang.pick("hành động khắc phục", "corrective action"),
            Review => lang.pick("cuộc họp xem xét của lãnh đạo", "management review"),
            Decision => lang.pick("quyết định xem xét của lãnh đạo", "review decision"),
            ActionOrDecision => lang.pick(
                "hành động khắc phục hoặc quyết định xem xét của lãnh đạo",
                "corrective action or review decision",
            ),
            Announcement => lang.pick("lần công bố", "announcement"),
            Objective => lang.pick("mục tiêu chất lượng", "quality objective"),
            InternalDocument => lang.pick("tài liệu nội bộ", "internal document"),
            ExternalDocument => lang.pick("tài liệu bên ngoài", "external document"),
            Record => lang.pick("hồ sơ", "record"),
        }
    }

    pub(crate) fn collection(self) -> &'static str {
        use RefKind::*;
        match self {
            Unit => "units",
            Person => "people",
            Procedure => "procedures",
            Programme => "programmes",
            PlannedAudit => "planned",
            Audit => "audits",
            Checklist => "checklists",
            ChecklistItem => "items",
            Finding => "findings",
            CorrectiveAction => "corrective_actions",
            Review => "management_reviews",
            Decision => "decisions",
            ActionOrDecision => "corrective_actions",
            Announcement => "announcements",
            Objective => "quality_objectives",
            InternalDocument => "internal_documents",
            ExternalDocument => "external_documents",
            Record => "records",
        }
    }
}

/// The kinds of problem, each with a stable code (`QMS-V0xx`).
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// QMS-V001: the text is not JSON.
    Syntax {
        /// The parser's description, in English.
        detail: String,
        /// The category of the error.
        category: SyntaxCategory,
    },
    /// QMS-V008: the bytes are not UTF-8.
    NotUtf8,
    /// QMS-V008: the file ends inside a multi-byte UTF-8 character (it was cut short).
    TruncatedUtf8,
    /// QMS-V002: a member is missing, unknown, or of the wrong type or value.
    Structure(StructureDetail),
    /// QMS-V003: an id used twice in the same collection.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: JsonPath,
    },
    /// QMS-V004: a reference to a record that does not exist.
    UnknownReference {
        /// What was referred to.
        target: RefKind,
        /// The id.
        id: String,
    },
    /// QMS-V005: a clause id not in the dossier's edition.
    UnknownClause {
        /// The clause id.
        id: String,
        /// The dossier's edition.
        edition: Edition,
    },
    /// QMS-V006: an end before its start.
    DateOrder {
        /// The member that should come first (e.g. "start").
        earlier: &'static str,
        /// The member that should come later (e.g. "end").
        later: &'static str,
    },
    /// QMS-V007: a value outside what the field allows.
    InvalidValue(InvalidValue),
    /// QMS-V009: a member written twice in the same object; JSON readers keep only one of
    /// them silently, so the file says two things. The problem's own position is the second
    /// occurrence.
    DuplicateKey {
        /// The member's name.
        key: String,
        /// 1-based line of the first occurrence.
        first_line: usize,
        /// 1-based column (in characters) of the first occurrence.
        first_column: usize,
    },
}

/// Categories of JSON syntax errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxCategory {
    /// The text ended too early (a truncated file).
    Truncated,
    /// Anything else.
    Malformed,
}

/// Details of a structure problem, parsed from the deserializer's message.
#[derive(Debug, Clone, PartialEq)]
pub enum StructureDetail {
    /// A member the format does not have.
    UnknownField {
        /// Its name.
        field: String,
        /// The members allowed there.
        expected: String,
    },
    /// A required member is absent.
    MissingField {
        /// Its name.
        field: String,
    },
    /// A value of the wrong JSON type.
    InvalidType {
        /// What was found.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// A word outside the allowed list.
    UnknownVariant {
        /// The word.
        value: String,
        /// The allowed words.
        expected: String,
    },
    /// A date not written YYYY-MM-DD or not in the calendar.
    BadDate {
        /// The deserializer's description.
        detail: String,
    },
    /// Anything else the deserializer reported.
    Other {
        /// The deserializer's description.
        detail: String,
    },
}

/// Values outside what a field allows.
#[derive(Debug, Clone, PartialEq)]
pub enum InvalidValue {
    /// The format version is not one this library reads.
    UnsupportedVersion {
        /// The version found.
        found: u32,
    },
    /// An id that is empty or only spaces.
    EmptyId,
    /// A month outside 1..=12.
    Month {
        /// The value found.
        found: u8,
    },
    /// A checklist item with no clause.
    NoClause,
    /// An action with neither a person (`owner`) nor a unit (`owner_unit`) owning it.
    NoOwner,
    /// A graded kind while grading is off, or the ungraded kind while grading is on.
    Grading {
        /// The kind used.
        kind: &'static str,
        /// The setting.
        graded: bool,
    },
    /// A review topic not in the edition's list.
    ReviewTopic {
        /// The key.
        key: String,
        /// The dossier's edition.
        edition: Edition,
        /// Whether it was an output (decision) key.
        output: bool,
    },
    /// An item named without its checklist.
    ItemWithoutChecklist,
    /// A review naming itself as the previous review.
    SelfReference,
    /// A rule code in the settings that no rule has.
    UnknownRule {
        /// The code.
        code: String,
    },
    /// A date whose year is outside 1900..=2200: a typo ("0202" for "2022"), and one that a
    /// workbook cannot show as a date.
    ImplausibleYear {
        /// The year written.
        year: i32,
    },
}

impl Problem {
    /// A problem with no position yet.
    pub fn new(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem {
            path,
            kind,
            line: None,
            column: None,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ProblemKind::Syntax { .. } => "QMS-V001",
            ProblemKind::Structure(_) => "QMS-V002",
            ProblemKind::DuplicateId { .. } => "QMS-V003",
            ProblemKind::UnknownReference { .. } => "QMS-V004",
            ProblemKind::UnknownClause { .. } => "QMS-V005",
            ProblemKind::DateOrder { .. } => "QMS-V006",
            ProblemKind::InvalidValue(_) => "QMS-V007",
            ProblemKind::NotUtf8 | ProblemKind::TruncatedUtf8 => "QMS-V008",
            ProblemKind::DuplicateKey { .. } => "QMS-V009",
        }
    }

    /// The message in a language, without the path.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match &self.kind {
            ProblemKind::Syntax { detail, category } => match (category, vi) {
                (SyntaxCategory::Truncated, true) => format!(
                    "tệp JSON bị cắt cụt, kết thúc trước khi đóng hết ngoặc ({}); hãy khôi phục phần còn thiếu",
                    super::type_words::syntax_words(detail, true)
                ),
                (SyntaxCategory::Truncated, false) => format!(
                    "the JSON text ends too early ({detail}); restore the missing end of the file"
                ),
                (SyntaxCategory::Malformed, true) => format!(
                    "JSON sai cú pháp: {}",
                    super::type_words::syntax_words(detail, true)
                ),
                (SyntaxCategory::Malformed, false) => format!("malformed JSON: {detail}"),
            },
            ProblemKind::NotUtf8 => lang
                .pick(
                    "tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8",
                    "the file is not UTF-8 text; save it again as UTF-8",
                )
                .to_owned(),
            ProblemKind::TruncatedUtf8 => lang
                .pick(
                    "tệp bị cắt cụt: kết thúc giữa một ký tự nhiều byte; hãy khôi phục phần cuối của tệp",
                    "the file is truncated: it ends inside a multi-byte character; restore the missing end of the file",
                )
                .to_owned(),
            ProblemKind::DuplicateKey {
                key,
                first_line,
                first_column,
            } => {
                if vi {
                    format!(
                        "trường \"{key}\" được viết hai lần trong cùng một đối tượng (lần đầu ở dòng {first_line}, cột {first_column}); chỉ một giá trị được giữ, hãy xóa một trong hai"
                    )
                } else {
                    format!(
                        "member \"{key}\" is written twice in the same object (first at line {first_line}, column {first_column}); only one value would be kept, remove one of them"
                    )
                }
            }
            ProblemKind::Structure(d) => structure_message(d, vi),
            ProblemKind::DuplicateId { id, first } => {
                if vi {
                    format!("mã \"{id}\" bị trùng (đã dùng tại {first}); mỗi mã chỉ dùng một lần")
                } else {
                    format!("duplicate id \"{id}\" (first used at {first}); ids must be unique")
                }
            }
            ProblemKind::UnknownReference { target, id } => {
                let what = target.label(lang);
                if vi {
                    format!(
                        "không có {what} \"{id}\" trong hồ sơ; hãy thêm vào \"{}\" hoặc sửa mã",
                        target.collection()
                    )
                } else {
                    format!(
                        "unknown {what} \"{id}\"; add it to \"{}\" or correct the id",
                        target.collection()
                    )
                }
            }
            ProblemKind::UnknownClause { id, edition } => {
                if vi {
                    format!(
                        "điều khoản \"{id}\" không có trong {edition} (xem `qms clauses --edition {}`)",
                        edition.year()
                    )
                } else {
                    format!("unknown clause \"{id}\" in {edition}")
                }
            }
            ProblemKind::DateOrder { earlier, later } => {
                if vi {
                    format!("\"{later}\" phải sau hoặc bằng \"{earlier}\"")
                } else {
                    format!("\"{later}\" is before \"{earlier}\"")
                }
            }
            ProblemKind::InvalidValue(v) => invalid_value_message(v, lang),
        }
    }
}

fn structure_message(d: &StructureDetail, vi: bool) -> String {
    match (d, vi) {
        (StructureDetail::UnknownField { field, expected }, true) => {
            format!(
                "trường \"{field}\" không có trong định dạng hồ sơ; các trường hợp lệ: {expected}"
            )
        }
        (StructureDetail::UnknownField { field, expected }, false) => {
            format!("unknown field \"{field}\"; expected one of {expected}")
        }
        (StructureDetail::MissingField { field }, true) => {
            format!("thiếu trường bắt buộc \"{field}\"")
        }
        (StructureDetail::MissingField { field }, false) => {
            format!("missing required field \"{field}\"")
        }
        (StructureDetail::InvalidType { found, expected }, true) => format!(
            "sai kiểu dữ liệu: gặp {}, cần {}",
            found_words(found, true),
            expected_words(expected, true)
        ),
        (StructureDetail::InvalidType { found, expected }, false) => format!(
            "wrong type: found {}, expected {}",
            found_words(found, false),
            expected_words(expected, false)
        ),
        (StructureDetail::UnknownVariant { value, expected }, true) => {
            format!("giá trị \"{value}\" không hợp lệ; các giá trị hợp lệ: {expected}")
        }
        (StructureDetail::UnknownVariant { value, expected }, false) => {
            format!("invalid value \"{value}\"; expected one of {expected}")
        }
        (StructureDetail::BadDate { detail }, true) => format!(
            "ngày không hợp lệ ({}); hãy viết theo dạng NNNN-TT-NN, ví dụ 2026-02-05",
            super::type_words::date_words(detail)
        ),
        (StructureDetail::BadDate { detail }, false) => {
            format!("invalid date ({detail}); write it as YYYY-MM-DD, e.g. 2026-02-05")
        }
        (StructureDetail::Other { detail }, true) => format!(
            "dữ liệu không hợp lệ: {}",
            super::type_words::other_words(detail)
        ),
        (StructureDetail::Other { detail }, false) => format!("invalid data: {detail}"),
    }
}

fn invalid_value_message(v: &InvalidValue, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match v {
        InvalidValue::UnsupportedVersion { found } => {
            if vi {
                format!("phiên bản định dạng {found} không được hỗ trợ; phiên bản hiện hành là 1")
            } else {
                format!("format version {found} is not supported; the current version is 1")
            }
        }
        InvalidValue::EmptyId => lang
            .pick("mã không được để trống", "the id is empty")
            .to_owned(),
        InvalidValue::Month { found } => {
            if vi {
                format!("tháng {found} không hợp lệ; tháng phải từ 1 đến 12")
            } else {
                format!("month {found} is out of range; use 1 to 12")
            }
        }
        InvalidValue::NoClause => lang
            .pick(
                "câu hỏi chưa gắn điều khoản nào của tiêu chuẩn",
                "the checklist item names no clause",
            )
            .to_owned(),
        InvalidValue::NoOwner => lang
            .pick(
                "hành động chưa có người thực hiện (owner) hay đơn vị thực hiện (owner_unit)",
                "the action has neither an owner (owner) nor an owning unit (owner_unit)",
            )
            .to_owned(),
        InvalidValue::Grading { kind, graded } => match (graded, vi) {
            (false, true) => format!(
                "cơ quan không phân cấp sự không phù hợp (settings.grade_nonconformities = false) nên không dùng \"{kind}\"; hãy dùng \"nonconformity\""
            ),
            (false, false) => format!(
                "nonconformities are not graded (settings.grade_nonconformities = false), so \"{kind}\" is not allowed; use \"nonconformity\""
            ),
            (true, true) => format!(
                "cơ quan phân cấp sự không phù hợp nên không dùng \"{kind}\"; hãy dùng \"major_nonconformity\" hoặc \"minor_nonconformity\""
            ),
            (true, false) => format!(
                "nonconformities are graded, so \"{kind}\" is not allowed; use \"major_nonconformity\" or \"minor_nonconformity\""
            ),
        },
        InvalidValue::ReviewTopic {
            key,
            edition,
            output,
        } => {
            let keys = if *output {
                crate::catalog::review_outputs(*edition)
            } else {
                crate::catalog::review_inputs(*edition)
            }
            .iter()
            .map(|t| t.key)
            .collect::<Vec<_>>()
            .join(", ");
            match (output, vi) {
                (false, true) => format!(
                    "\"{key}\" không phải đầu vào xem xét của lãnh đạo theo {edition}; dùng một trong: {keys}"
                ),
                (false, false) => format!(
                    "\"{key}\" is not a management review input of {edition}; use one of: {keys}"
                ),
                (true, true) => format!(
                    "\"{key}\" không phải đầu ra xem xét của lãnh đạo theo {edition}; dùng một trong: {keys}"
                ),
                (true, false) => format!(
                    "\"{key}\" is not a management review output of {edition}; use one of: {keys}"
                ),
            }
        }
        InvalidValue::ItemWithoutChecklist => lang
            .pick(
                "có \"item\" nhưng thiếu \"checklist\" chứa câu hỏi đó",
                "\"item\" is given without the \"checklist\" it belongs to",
            )
            .to_owned(),
        InvalidValue::UnknownRule { code } => {
            if vi {
                format!("không có quy tắc kiểm tra mã \"{code}\" (xem `qms rules`)")
            } else {
                format!("there is no rule \"{code}\" (see `qms rules`)")
            }
        }
        InvalidValue::ImplausibleYear { year } => {
            if vi {
                format!(
                    "năm {year} không hợp lý (chỉ nhận từ 1900 đến 2200); có thể gõ nhầm, hãy sửa lại ngày"
                )
            } else {
                format!(
                    "the year {year} is implausible (1900 to 2200 accepted); probably a typo, correct the date"
                )
            }
        }
        InvalidValue::SelfReference => lang
            .pick(
                "cuộc họp không thể là lần xem xét trước của chính nó",
                "a review cannot be its own previous review",
            )
            .to_owned(),
    }
}

impl fmt::Display for Problem {
    /// `path: message` in English; use [`Problem::message`] for Vietnamese.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message(Lang::En))
    }
}
