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
            (RequestFault::Syntax { detail }, Lang::Vi) => format!("JSON sai cú pháp: {detail}"),
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
            (RequestFault::WrongValue { detail }, Lang::Vi) => {
                format!("giá trị không đúng kiểu hoặc dạng: {detail}")
            }
            (RequestFault::WrongValue { detail }, Lang::En) => {
                format!("wrong type or form: {detail}")
            }
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
