//! The Vietnamese messages of [`ApiError`] (the English ones are its `Display`).

use crate::error::{ApiError, RequestFault, not_found};
use qms_core::Lang;

pub(crate) fn message_vi(e: &ApiError) -> String {
    match e {
        ApiError::BadRequest { fault, path } => {
            format!("yêu cầu không hợp lệ tại {path}: {}", fault.text(Lang::Vi))
        }
        ApiError::UnknownOp { op } => format!(
            "không có thao tác \"{op}\"; các thao tác: {}",
            crate::OpName::list()
        ),
        ApiError::UnsupportedFormat {
            kind,
            format,
            available,
        } => format!("\"{kind}\" không xuất được dạng {format}; chỉ có dạng {available}"),
        ApiError::MissingTarget { kind, member } => format!(
            "\"{kind}\" cần \"{member}\": {}",
            match *member {
                "review" => "hồ sơ chưa có cuộc họp xem xét của lãnh đạo nào",
                "programme" => "hồ sơ chưa có chương trình đánh giá nào",
                _ => "hồ sơ có nhiều cuộc đánh giá (hoặc chưa có); hãy chỉ rõ một cuộc",
            }
        ),
        ApiError::InvalidDossier { problems } => format!(
            "hồ sơ chưa hợp lệ ({} lỗi); chạy validate để xem chi tiết",
            problems.len()
        ),
        ApiError::AlreadyConverted { edition } => format!("hồ sơ đã theo {edition}"),
        ApiError::ConversionInvalid { problems } => format!(
            "hồ sơ sau chuyển đổi chưa hợp lệ: {}",
            problems
                .first()
                .map(|p| format!("{}: {}", p.path, p.message))
                .unwrap_or_default()
        ),
        ApiError::NotFound {
            record, id, known, ..
        } => not_found(Lang::Vi, *record, id, known),
        ApiError::UnknownClause { id, edition, .. } => {
            format!("điều khoản \"{id}\" không có trong {edition}")
        }
        ApiError::UnknownCode { code } => {
            format!(
                "không có mã quy tắc hay mã kiểm tra \"{code}\"; mã quy tắc có dạng QMS-A000…QMS-S005 (xem bằng lệnh qms rules hoặc op rules), mã kiểm tra hồ sơ QMS-V001…QMS-V009"
            )
        }
        ApiError::NoChecklists { audit, auditor } => format!(
            "cuộc đánh giá \"{audit}\" không có phiếu câu hỏi đánh giá nào{}",
            auditor
                .as_ref()
                .map(|a| format!(" của chuyên gia \"{a}\""))
                .unwrap_or_default()
        ),
        ApiError::NoNonconformity { audit } => format!(
            "cuộc đánh giá \"{audit}\" không có sự không phù hợp nào nên không có phiếu yêu cầu hành động khắc phục"
        ),
        ApiError::NoProgramme { audit } => {
            format!("cuộc đánh giá \"{audit}\" không thuộc chương trình đánh giá nào")
        }
        ApiError::NoAuditor { audit, unit } => format!(
            "kế hoạch của cuộc đánh giá \"{audit}\" chưa phân công chuyên gia cho đơn vị \"{unit}\"; hãy chỉ định bằng --auditor"
        ),
        ApiError::Workbook { vi, .. }
        | ApiError::CellTooLong { vi, .. }
        | ApiError::TooLarge { vi, .. } => vi.clone(),
        ApiError::WriteFailed { detail } => format!("lỗi khi ghi tài liệu: {detail}"),
    }
}

impl RequestFault {
    /// What is wrong, in a language.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (RequestFault::NotUtf8 { byte }, Lang::Vi) => {
                format!("yêu cầu không phải văn bản UTF-8 (byte {byte})")
            }
            (RequestFault::NotUtf8 { byte }, Lang::En) => {
                format!("the request is not UTF-8 (byte {byte})")
            }
            (RequestFault::Syntax { detail }, Lang::Vi) => {
                // serde_json's " at line L column C", said in Vietnamese after its words.
                let (what, at) = detail
                    .rsplit_once(" at line ")
                    .map_or((detail.as_str(), None), |(w, at)| (w, Some(at)));
                let at = at
                    .and_then(|at| at.split_once(" column "))
                    .map(|(l, c)| format!(" (dòng {l}, cột {c})"))
                    .unwrap_or_default();
                format!(
                    "JSON sai cú pháp: {}{at}",
                    qms_core::load::serde_words(what, Lang::Vi)
                )
            }
            (RequestFault::Syntax { detail }, Lang::En) => format!("malformed JSON: {detail}"),
            (RequestFault::NotAnObject, _) => lang
                .pick(
                    "yêu cầu phải là một đối tượng JSON {\"op\": ...}",
                    "the request must be a JSON object {\"op\": ...}",
                )
                .into(),
            (RequestFault::MissingMember { member }, Lang::Vi) => {
                format!("thiếu thành phần bắt buộc \"{member}\"")
            }
            (RequestFault::MissingMember { member }, Lang::En) => {
                format!("the required member \"{member}\" is missing")
            }
            (RequestFault::UnknownMember { member, expected }, Lang::Vi) => {
                format!("thao tác này không có thành phần \"{member}\"; các thành phần: {expected}")
            }
            (RequestFault::UnknownMember { member, expected }, Lang::En) => {
                format!("this op has no member \"{member}\"; members: {expected}")
            }
            (RequestFault::UnknownValue { value, expected }, Lang::Vi) => {
                format!("giá trị \"{value}\" không được chấp nhận; các giá trị: {expected}")
            }
            (RequestFault::UnknownValue { value, expected }, Lang::En) => {
                format!("\"{value}\" is not accepted; values: {expected}")
            }
            (RequestFault::WrongValue { detail }, lang) => format!(
                "{}: {}",
                lang.pick("giá trị không đúng kiểu hoặc dạng", "wrong type or form"),
                qms_core::load::serde_words(detail, lang)
            ),
            (RequestFault::BadBase64 { workbook }, Lang::Vi) => {
                format!("bảng tính \"{workbook}\" không phải base64 hợp lệ")
            }
            (RequestFault::BadBase64 { workbook }, Lang::En) => {
                format!("workbook \"{workbook}\" is not valid base64")
            }
            (RequestFault::ConvertTarget, _) => lang
                .pick(
                    "chỉ chuyển đổi được sang 2015 (\"to\": \"2015\")",
                    "only \"to\": \"2015\" is supported",
                )
                .into(),
            (RequestFault::UnexpectedInputs { op }, Lang::Vi) => {
                format!("thao tác \"{op}\" không nhận tệp đầu vào")
            }
            (RequestFault::UnexpectedInputs { op }, Lang::En) => {
                format!("the op \"{op}\" takes no input files")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Status;
    use crate::error::{ApiError, Record, RequestFault, WorkbookFault};
    use qms_core::Lang;

    /// One error of every kind the API can answer.
    fn every_error() -> Vec<ApiError> {
        let bad = |fault| ApiError::bad(fault, "x");
        let s = || String::from("x");
        let mut all = vec![
            bad(RequestFault::NotUtf8 { byte: 3 }),
            bad(RequestFault::Syntax { detail: s() }),
            bad(RequestFault::NotAnObject),
            bad(RequestFault::MissingMember { member: s() }),
            bad(RequestFault::UnknownMember {
                member: s(),
                expected: s(),
            }),
            bad(RequestFault::UnknownValue {
                value: s(),
                expected: s(),
            }),
            bad(RequestFault::WrongValue { detail: s() }),
            bad(RequestFault::BadBase64 { workbook: s() }),
            bad(RequestFault::ConvertTarget),
            bad(RequestFault::UnexpectedInputs { op: "rules" }),
            ApiError::UnknownOp { op: s() },
            ApiError::UnsupportedFormat {
                kind: s(),
                format: s(),
                available: s(),
            },
            ApiError::MissingTarget {
                kind: s(),
                member: "review",
            },
            ApiError::InvalidDossier { problems: vec![] },
            ApiError::AlreadyConverted { edition: s() },
            ApiError::ConversionInvalid { problems: vec![] },
            ApiError::UnknownClause {
                id: s(),
                edition: s(),
                path: s(),
            },
            ApiError::UnknownCode { code: s() },
            ApiError::NoChecklists {
                audit: s(),
                auditor: None,
            },
            ApiError::NoNonconformity { audit: s() },
            ApiError::NoProgramme { audit: s() },
            ApiError::NoAuditor {
                audit: s(),
                unit: s(),
            },
            ApiError::CellTooLong {
                vi: "ô dài".into(),
                en: "cell".into(),
            },
            ApiError::WriteFailed { detail: s() },
            ApiError::TooLarge {
                vi: "lớn".into(),
                en: "large".into(),
                path: s(),
            },
        ];
        for record in [
            Record::Audit,
            Record::Review,
            Record::CorrectiveAction,
            Record::Programme,
            Record::Unit,
            Record::Person,
        ] {
            all.push(ApiError::NotFound {
                record,
                id: s(),
                known: vec![s()],
                path: s(),
            });
        }
        for fault in [
            WorkbookFault::NotXlsx,
            WorkbookFault::Encrypted,
            WorkbookFault::Unreadable,
            WorkbookFault::NotAChecklist,
            WorkbookFault::OtherDossier,
            WorkbookFault::UnsupportedVersion,
        ] {
            all.push(ApiError::Workbook {
                fault,
                vi: "sổ".into(),
                en: "book".into(),
                path: s(),
            });
        }
        all
    }

    #[test]
    fn every_code_is_documented_with_its_status_and_speaks_both_languages() {
        let docs = include_str!("lib.rs");
        for e in every_error() {
            let code = e.code();
            let row = docs
                .lines()
                .find(|l| l.starts_with("//! |") && l.contains(&format!("`{code}`")))
                .unwrap_or_else(|| panic!("{code} is not in the table of lib.rs"));
            let status = format!("| {} {:?} |", e.status() as i32, e.status());
            assert!(row.starts_with(&format!("//! {status}")), "{code}: {row}");
            assert!(e.status() != Status::Ok && e.status() != Status::Internal);
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert!(
                !vi.is_empty() && !en.is_empty() && vi != en,
                "{code}: {vi} / {en}"
            );
            assert!(!e.path().is_empty(), "{code}");
        }
    }
}
