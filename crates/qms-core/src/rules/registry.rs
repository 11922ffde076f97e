//! The list of rules: code, default severity, requirement, title.

use super::audit as a;
use super::context::Context;
use super::corrective as c;
use super::documents as d;
use super::numbers as n;
use super::objectives as o;
use super::review as m;
use super::scope as s;
use super::{Emitter, Severity, Source};
use crate::Lang;
use serde::Serialize;

/// A rule of the engine.
#[derive(Serialize)]
pub struct Rule {
    /// Stable code, e.g. "QMS-A004".
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The requirement it comes from.
    #[serde(skip)]
    pub source: Source,
    /// Title in Vietnamese.
    pub title_vi: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    #[serde(skip)]
    pub(crate) check: fn(&Context, &mut Emitter),
}

impl Rule {
    /// The title in a language.
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_vi, self.title_en)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rule({})", self.code)
    }
}

/// The rule with a code.
///
/// ```
/// let r = qms_core::rules::find_rule("QMS-C002").unwrap();
/// assert_eq!(r.title_en, "Corrective action past its due date");
/// ```
pub fn find_rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

const fn iso(c2015: &'static str, c2008: &'static str) -> Source {
    Source::Iso9001 { c2015, c2008 }
}

macro_rules! rule {
    ($code:literal, $sev:ident, $src:expr, $vi:literal, $en:literal, $f:path) => {
        Rule {
            code: $code,
            severity: Severity::$sev,
            source: $src,
            title_vi: $vi,
            title_en: $en,
            check: $f,
        }
    };
}

/// Every rule, in the order they run.
pub static RULES: &[Rule] = &[
    rule!(
        "QMS-A000",
        Error,
        iso("9.2.2 a", "8.2.2"),
        "Chưa có chương trình đánh giá nội bộ của năm",
        "No internal audit programme for the year",
        a::programme_missing
    ),
    rule!(
        "QMS-A001",
        Warning,
        iso("9.2.2 a", "8.2.2"),
        "Đơn vị chưa được đưa vào chương trình đánh giá của năm",
        "Unit not covered by the year's audit programme",
        a::unit_not_covered
    ),
    rule!(
        "QMS-A002",
        Warning,
        iso("9.2.2 a", "8.2.2"),
        "Điều khoản áp dụng chưa được chương trình đánh giá bao quát",
        "Applicable clause not covered by the year's audit programme",
        a::clause_not_covered
    ),
    rule!(
        "QMS-A003",
        Error,
        iso("9.2.1", "8.2.2"),
        "Quá thời hạn đánh giá nội bộ định kỳ",
        "Last internal audit older than the interval",
        a::audit_overdue
    ),
    rule!(
        "QMS-A004",
        Warning,
        iso("9.2.2 c", "8.2.2"),
        "Chuyên gia đánh giá chính đơn vị của mình",
        "Auditor audits their own unit",
        a::own_unit
    ),
    rule!(
        "QMS-A005",
        Warning,
        Source::Iso19011("7"),
        "Chuyên gia được phân công chưa có hồ sơ đào tạo đánh giá nội bộ",
        "Assigned auditor without internal-auditor training record",
        a::untrained_auditor
    ),
    rule!(
        "QMS-A006",
        Warning,
        Source::Iso19011("6.3.2.2"),
        "Kế hoạch đánh giá thiếu mục tiêu, phạm vi, chuẩn mực hoặc lịch trình",
        "Audit plan without objectives, scope, criteria or schedule",
        a::incomplete_plan
    ),
    rule!(
        "QMS-A007",
        Error,
        Source::Iso19011("6.4.8"),
        "Câu hỏi \"Không phù hợp\" chưa có phát hiện",
        "Checklist item marked Nonconformity without a finding",
        a::nonconform_without_finding
    ),
    rule!(
        "QMS-A008",
        Warning,
        Source::Iso19011("6.4.7"),
        "Phát hiện không có bằng chứng",
        "Finding without evidence",
        a::finding_without_evidence
    ),
    rule!(
        "QMS-A009",
        Warning,
        Source::Iso19011("6.4.8"),
        "Phát hiện không viện dẫn điều khoản",
        "Finding without a clause",
        a::finding_without_clause
    ),
    rule!(
        "QMS-A010",
        Warning,
        iso("9.2.2 a", "8.2.2"),
        "Cuộc đánh giá dự kiến đã qua nhưng chưa có phiếu câu hỏi",
        "Planned audit past its month with no checklist",
        a::planned_without_checklist
    ),
    rule!(
        "QMS-A011",
        Warning,
        Source::Iso19011("6.4.8"),
        "Đơn vị xác nhận phát hiện trước khi phát hiện được ghi nhận",
        "Finding acknowledged before it was made",
        a::acknowledged_before_finding
    ),
    rule!(
        "QMS-A012",
        Warning,
        iso("9.2.2 a", "8.2.2"),
        "Quy trình chưa được đưa vào chương trình đánh giá của năm",
        "Procedure not covered by the year's audit programme",
        a::procedure_not_covered
    ),
    rule!(
        "QMS-C001",
        Warning,
        iso("9.2.2 e", "8.2.2"),
        "Sự không phù hợp chưa có hành động khắc phục",
        "Nonconformity without a corrective action",
        c::nc_without_action
    ),
    rule!(
        "QMS-C002",
        Error,
        iso("10.2.1 c", "8.5.2"),
        "Hành động khắc phục quá hạn",
        "Corrective action past its due date",
        c::action_overdue
    ),
    rule!(
        "QMS-C003",
        Error,
        iso("10.2.2", "8.5.2"),
        "Thay đổi thời hạn mà không ghi nhận gia hạn",
        "Due date changed without a recorded extension",
        c::silent_extension
    ),
    rule!(
        "QMS-C004",
        Error,
        iso("10.2.1 d", "8.5.2 e"),
        "Đóng phiếu mà chưa xác minh hiệu lực",
        "Closed without an effectiveness verification",
        c::closed_unverified
    ),
    rule!(
        "QMS-C005",
        Warning,
        iso("10.2.1 a", "8.3"),
        "Chưa ghi nhận việc khắc phục tức thời",
        "No correction recorded",
        c::no_correction
    ),
    rule!(
        "QMS-C006",
        Error,
        iso("10.2.1 b", "8.5.2 b"),
        "Chưa xác định nguyên nhân của sự không phù hợp",
        "No root cause for a nonconformity",
        c::no_root_cause
    ),
    rule!(
        "QMS-C007",
        Warning,
        iso("10.2.2", "8.5.2 f"),
        "Trạng thái phiếu không khớp với hồ sơ",
        "Request state not supported by its records",
        c::state_without_records
    ),
    rule!(
        "QMS-M001",
        Error,
        iso("9.3.1", "5.6.1"),
        "Quá thời hạn xem xét của lãnh đạo định kỳ",
        "No management review within the interval",
        m::review_overdue
    ),
    rule!(
        "QMS-M002",
        Warning,
        iso("9.3.2", "5.6.2"),
        "Thiếu đầu vào của xem xét của lãnh đạo",
        "Management review input missing",
        m::input_missing
    ),
    rule!(
        "QMS-M003",
        Warning,
        iso("9.3.3", "5.6.3"),
        "Quyết định chưa có người thực hiện hoặc thời hạn",
        "Review decision without owner or deadline",
        m::decision_incomplete
    ),
    rule!(
        "QMS-M004",
        Warning,
        iso("9.3.2 a", "5.6.2 e"),
        "Chưa báo cáo tình trạng các quyết định của lần xem xét trước",
        "Previous review's decisions not reported",
        m::previous_not_reported
    ),
    rule!(
        "QMS-O001",
        Warning,
        iso("6.2.1", "5.4.1"),
        "Mục tiêu chất lượng không đo lường được",
        "Quality objective not measurable",
        o::not_measurable
    ),
    rule!(
        "QMS-O002",
        Warning,
        iso("6.2.2 e", "5.4.1"),
        "Mục tiêu chất lượng chưa có kết quả đo của kỳ",
        "No measurement for the period",
        o::not_measured
    ),
    rule!(
        "QMS-O003",
        Warning,
        iso("6.2.2", "8.5.2"),
        "Mục tiêu không đạt mà chưa có hành động",
        "Target missed with no action",
        o::missed_without_action
    ),
    rule!(
        "QMS-O004",
        Warning,
        iso("9.3.2 c2", "5.6.2 c"),
        "Kỳ xem xét của lãnh đạo không có mục tiêu chất lượng",
        "Review period with no quality objective",
        o::review_without_objective
    ),
    rule!(
        "QMS-D001",
        Warning,
        iso("7.5.3", "4.2.3"),
        "Biểu mẫu của quy trình chưa có trong danh mục",
        "Procedure form missing from the registers",
        d::form_not_registered
    ),
    rule!(
        "QMS-D002",
        Warning,
        iso("7.5.3.2", "4.2.4"),
        "Hồ sơ chưa quy định thời gian lưu",
        "Record without a retention period",
        d::record_without_retention
    ),
    rule!(
        "QMS-D003",
        Warning,
        iso("7.5.3.2", "4.2.3 f"),
        "Tài liệu bên ngoài chưa được soát xét trong năm",
        "External document not reviewed within the year",
        d::external_not_reviewed
    ),
    rule!(
        "QMS-D004",
        Warning,
        iso("8.5.1", "7.5.1"),
        "Thiếu hồ sơ một cửa (Giấy tiếp nhận, Phiếu kiểm soát) của quy trình TTHC",
        "One-stop-shop records missing for an administrative procedure",
        d::one_stop_records_missing
    ),
    rule!(
        "QMS-D005",
        Warning,
        Source::Nd30("Phụ lục III"),
        "Số văn bản mang ký hiệu không phải của cơ quan",
        "Document number with another agency's symbol",
        n::foreign_symbol
    ),
    rule!(
        "QMS-S001",
        Error,
        iso("4.3", "1.2"),
        "Điều khoản không áp dụng không nêu lý do",
        "Excluded clause without a reason",
        s::exclusion_without_reason
    ),
    rule!(
        "QMS-S002",
        Warning,
        iso("4.3", "1.2"),
        "Điều khoản không áp dụng nằm ngoài phạm vi cho phép",
        "Exclusion outside the clause where exclusions are allowed",
        s::exclusion_outside_operation
    ),
    rule!(
        "QMS-S003",
        Warning,
        Source::Qd19("Điều 4 khoản 3"),
        "Phạm vi thay đổi sau lần công bố gần nhất",
        "Scope changed after the last announcement",
        s::scope_changed
    ),
    rule!(
        "QMS-S004",
        Error,
        Source::Cv419,
        "Vẫn áp dụng TCVN ISO 9001:2008",
        "Still on the 2008 edition",
        s::legacy_edition
    ),
    rule!(
        "QMS-S005",
        Warning,
        Source::Qd19("Điều 4"),
        "Chưa công bố HTQLCL",
        "QMS never announced",
        s::never_announced
    ),
];
