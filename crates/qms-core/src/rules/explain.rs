//! What each rule and validation code means, why it matters, and how to fix it: the text of
//! `qms explain CODE`, in Vietnamese and English.

use crate::Lang;

/// The explanation of a code.
///
/// ```
/// let e = qms_core::rules::explain("qms-c002").unwrap();
/// assert_eq!(e.code, "QMS-C002");
/// assert!(e.why(qms_core::Lang::Vi).contains("10.2"));
/// assert!(e.fix(qms_core::Lang::En).contains("extension"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// The code, e.g. "QMS-C002".
    pub code: &'static str,
    why_vi: &'static str,
    why_en: &'static str,
    fix_vi: &'static str,
    fix_en: &'static str,
}

impl Explanation {
    /// Why the requirement matters (what an auditor or inspector looks for).
    pub fn why(&self, lang: Lang) -> &'static str {
        lang.pick(self.why_vi, self.why_en)
    }

    /// What to change in the dossier (or in practice) so the diagnostic goes away.
    pub fn fix(&self, lang: Lang) -> &'static str {
        lang.pick(self.fix_vi, self.fix_en)
    }
}

/// The explanation of a rule code (QMS-A000 …) or validation code (QMS-V001 …); the code may
/// be given in any case and without the "QMS-" prefix.
pub fn explain(code: &str) -> Option<&'static Explanation> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code.starts_with("QMS-") {
        code
    } else {
        format!("QMS-{code}")
    };
    EXPLANATIONS.iter().find(|e| e.code == code)
}

/// Every explanation, rules first, in code order.
pub fn explanations() -> &'static [Explanation] {
    EXPLANATIONS
}

macro_rules! explain {
    ($code:literal, $why_vi:literal, $why_en:literal, $fix_vi:literal, $fix_en:literal) => {
        Explanation {
            code: $code,
            why_vi: $why_vi,
            why_en: $why_en,
            fix_vi: $fix_vi,
            fix_en: $fix_en,
        }
    };
}

static EXPLANATIONS: &[Explanation] = &[
    explain!(
        "QMS-A000",
        "TCVN ISO 9001:2015 điều 9.2.2 a yêu cầu hoạch định chương trình đánh giá nội bộ (tần suất, phương pháp, trách nhiệm). Không có chương trình của năm là phát hiện đầu tiên của đoàn kiểm tra Sở KH&CN: đánh giá nội bộ không được hoạch định.",
        "TCVN ISO 9001:2015 clause 9.2.2 a requires an internal audit programme (frequency, methods, responsibilities). A year without one is the first thing a provincial inspection notes: internal audits are not planned.",
        "Thêm vào \"programmes\" một chương trình có \"year\" là năm hiện tại, liệt kê các cuộc đánh giá dự kiến (đơn vị, điều khoản hoặc quy trình, tháng), rồi trình lãnh đạo phê duyệt.",
        "Add to \"programmes\" a programme whose \"year\" is the current year, listing the planned audits (unit, clauses or procedures, month), and have it approved."
    ),
    explain!(
        "QMS-A001",
        "Mọi đơn vị trong phạm vi HTQLCL phải được đánh giá ít nhất một lần trong chu kỳ; đơn vị bị bỏ sót nghĩa là một phần hệ thống không được kiểm chứng.",
        "Every unit in the QMS scope must be audited at least once in the cycle; a unit left out means part of the system is never verified.",
        "Thêm một cuộc đánh giá cho đơn vị đó vào chương trình của năm (\"programmes[].planned\"), hoặc ghi rõ lý do nếu đơn vị đã được đánh giá trong chu kỳ trước theo rủi ro.",
        "Add an audit of that unit to the year's programme (\"programmes[].planned\"), or record why it is covered by the previous cycle on a risk basis."
    ),
    explain!(
        "QMS-A002",
        "Chương trình đánh giá phải bao quát mọi điều khoản áp dụng của tiêu chuẩn (điều 9.2.2 a); điều khoản không được đánh giá thì không có bằng chứng về sự phù hợp.",
        "The programme must cover every applicable clause of the standard (clause 9.2.2 a); a clause never audited has no evidence of conformity.",
        "Thêm điều khoản còn thiếu vào \"clauses\" của một cuộc đánh giá dự kiến, hoặc khai báo là không áp dụng trong \"scope.exclusions\" kèm lý do nếu đúng như vậy.",
        "Add the missing clause to the \"clauses\" of a planned audit, or declare it not applicable in \"scope.exclusions\" with its reason if that is the case."
    ),
    explain!(
        "QMS-A003",
        "Đánh giá nội bộ phải được thực hiện định kỳ (điều 9.2.1); quá 12 tháng không đánh giá là dấu hiệu hệ thống chỉ duy trì trên giấy.",
        "Internal audits must happen at planned intervals (clause 9.2.1); more than 12 months without one signals a system kept only on paper.",
        "Tổ chức cuộc đánh giá nội bộ tiếp theo và ghi vào \"audits\" (kế hoạch, ngày thực hiện); ngưỡng 12 tháng có thể đổi trong \"settings.thresholds\".",
        "Hold the next internal audit and record it in \"audits\" (plan, dates); the 12-month threshold can be changed in \"settings.thresholds\"."
    ),
    explain!(
        "QMS-A004",
        "Chuyên gia đánh giá không được đánh giá công việc của chính mình (điều 9.2.2 c: khách quan và công bằng). Với TCVN ISO 9001:2008 đây là lỗi, với :2015 là cảnh báo.",
        "Auditors must not audit their own work (clause 9.2.2 c: objectivity and impartiality). On TCVN ISO 9001:2008 this is an error, on :2015 a warning.",
        "Phân công chuyên gia của đơn vị khác cho phiếu câu hỏi hoặc dòng lịch trình đó (\"audits[].plan.schedule[].auditors\", \"audits[].checklists[].auditor\").",
        "Assign an auditor from another unit to that checklist or schedule row (\"audits[].plan.schedule[].auditors\", \"audits[].checklists[].auditor\")."
    ),
    explain!(
        "QMS-A005",
        "TCVN ISO 19011 điều 7 yêu cầu năng lực chuyên gia đánh giá; đoàn kiểm tra thường hỏi giấy chứng nhận đào tạo đánh giá nội bộ.",
        "TCVN ISO 19011 clause 7 requires competent auditors; inspectors usually ask for the internal auditor training certificate.",
        "Ghi khóa đào tạo vào \"people[].training\" (ngày, đơn vị đào tạo; tên khóa nếu biết) hoặc năng lực được công nhận vào \"people[].qualifications\" (ví dụ \"lead_auditor\" theo quyết định), hoặc phân công chuyên gia đã được đào tạo.",
        "Record the course in \"people[].training\" (date, provider; course title when known) or a standing qualification in \"people[].qualifications\" (e.g. \"lead_auditor\" by decision), or assign a trained auditor."
    ),
    explain!(
        "QMS-A006",
        "Kế hoạch đánh giá phải nêu mục tiêu, phạm vi, chuẩn mực và lịch trình (TCVN ISO 19011 điều 6.3.2.2) để đơn vị được đánh giá chuẩn bị và đoàn làm việc đúng trọng tâm.",
        "An audit plan must state objectives, scope, criteria and schedule (TCVN ISO 19011 clause 6.3.2.2) so the auditee can prepare and the team stays focused.",
        "Điền các mục còn thiếu trong \"audits[].plan\": \"objectives\", \"scope\", \"criteria\", \"schedule\".",
        "Fill in what is missing in \"audits[].plan\": \"objectives\", \"scope\", \"criteria\", \"schedule\"."
    ),
    explain!(
        "QMS-A007",
        "Câu hỏi được đánh giá \"Không phù hợp\" mà không có phát hiện thì sự không phù hợp không được ghi nhận, không có hành động khắc phục (TCVN ISO 19011 điều 6.4.8).",
        "An item judged nonconforming without a finding means the nonconformity is never recorded nor corrected (TCVN ISO 19011 clause 6.4.8).",
        "Thêm phát hiện vào \"audits[].findings\" với \"checklist\" và \"item\" trỏ tới câu hỏi, hoặc sửa kết quả của câu hỏi nếu chấm nhầm.",
        "Add a finding to \"audits[].findings\" whose \"checklist\" and \"item\" point to the item, or correct the item's result if it was a mistake."
    ),
    explain!(
        "QMS-A008",
        "Phát hiện phải dựa trên bằng chứng khách quan, kiểm tra xác nhận được (TCVN ISO 19011 điều 6.4.7); không có bằng chứng thì đơn vị được đánh giá có thể không thừa nhận.",
        "Findings must rest on verifiable objective evidence (TCVN ISO 19011 clause 6.4.7); without it the auditee may rightly dispute them.",
        "Ghi vào \"evidence\" của phát hiện điều đã thấy: hồ sơ nào, số lượng, ngày tháng (ví dụ: \"3/52 hồ sơ TTHC trả kết quả trễ hạn, không có phiếu xin lỗi\").",
        "Write in the finding's \"evidence\" what was seen: which records, how many, dates (e.g. \"3 of 52 applications returned late, no apology letter\")."
    ),
    explain!(
        "QMS-A009",
        "Phát hiện phải viện dẫn yêu cầu bị vi phạm; không có điều khoản thì không thống kê, không theo dõi được theo tiêu chuẩn.",
        "A finding must cite the requirement it breaks; without a clause it cannot be counted or followed up against the standard.",
        "Thêm mã điều khoản vào \"clauses\" của phát hiện (ví dụ \"8.5.1\"); xem danh mục bằng lệnh qms clauses.",
        "Add the clause ids to the finding's \"clauses\" (e.g. \"8.5.1\"); list them with qms clauses."
    ),
    explain!(
        "QMS-A010",
        "Cuộc đánh giá đã qua ngày dự kiến mà chưa có phiếu câu hỏi: hoặc chưa thực hiện, hoặc thực hiện mà không lưu hồ sơ.",
        "An audit past its planned dates without a checklist was either not done or done without records.",
        "Lập phiếu câu hỏi (qms checklist new) và nhập kết quả, hoặc dời cuộc đánh giá trong chương trình nếu chưa thực hiện.",
        "Create the checklists (qms checklist new) and record the results, or reschedule the audit in the programme if it has not happened."
    ),
    explain!(
        "QMS-A011",
        "Đơn vị chỉ có thể xác nhận một phát hiện sau khi chuyên gia (hoặc đoàn kiểm tra) nêu ra nó; ngày xác nhận sớm hơn ngày ghi nhận phát hiện (hoặc ngày bắt đầu đánh giá khi phát hiện không ghi ngày) cho thấy hồ sơ ghi sai ngày hoặc gắn nhầm cuộc đánh giá.",
        "A unit can only acknowledge a finding after the auditors (or inspectors) raised it; a date before the finding's own date (or the first day of the audit when the finding has none) means a wrong date or a finding filed under the wrong audit.",
        "Sửa \"acknowledgement.date\" hoặc \"date\" của phát hiện theo biên bản họp kết thúc hoặc phiếu yêu cầu, hoặc chuyển phát hiện về đúng cuộc đánh giá.",
        "Correct \"acknowledgement.date\" or the finding's \"date\" from the closing meeting record or the request, or move the finding to the right audit."
    ),
    explain!(
        "QMS-A012",
        "Cơ quan phải đánh giá nội bộ mọi quy trình của HTQLCL ít nhất một lần trong năm (điều 9.2.2 a); đoàn kiểm tra đối chiếu danh mục quy trình với chương trình đánh giá. Khi chương trình không ghi quy trình nào, quy tắc chỉ báo (mức thông tin) rằng không kiểm tra được.",
        "Every procedure of the QMS must be audited at least once a year (clause 9.2.2 a); inspectors compare the list of procedures with the audit programme. When the programme names no procedure at all, the rule says (as info) that it cannot check.",
        "Thêm mã quy trình vào \"procedures\" của một cuộc đánh giá dự kiến trong \"programmes[].planned\" của năm, hoặc bỏ quy trình đã bãi bỏ khỏi \"procedures\".",
        "Add the procedure's id to the \"procedures\" of a planned audit in the year's \"programmes[].planned\", or remove a withdrawn procedure from \"procedures\"."
    ),
    explain!(
        "QMS-C001",
        "Sự không phù hợp phát hiện khi đánh giá nội bộ hay khi cơ quan bên ngoài kiểm tra (\"inspections\") phải có hành động khắc phục không chậm trễ (điều 9.2.2 e, 10.2).",
        "A nonconformity found in an internal audit or by an outside inspection (\"inspections\") needs corrective action without undue delay (clauses 9.2.2 e, 10.2).",
        "Lập phiếu yêu cầu hành động khắc phục trong \"corrective_actions\" với \"finding\" trỏ tới phát hiện.",
        "Create a corrective action request in \"corrective_actions\" whose \"finding\" points to the finding."
    ),
    explain!(
        "QMS-C002",
        "Hành động khắc phục quá hạn mà không gia hạn là dấu hiệu điều 10.2.1 c không được thực hiện; đoàn kiểm tra luôn hỏi danh sách phiếu quá hạn.",
        "An overdue corrective action without an extension shows clause 10.2.1 c is not being carried out; inspectors always ask for the list of overdue requests.",
        "Hoàn thành và ghi nhận hành động, hoặc ghi một lần gia hạn (\"actions[].extensions\": từ ngày, đến ngày, lý do, người duyệt) thay vì sửa thẳng thời hạn.",
        "Complete and record the action, or record an extension (\"actions[].extensions\": from, to, reason, approver) instead of editing the due date."
    ),
    explain!(
        "QMS-C003",
        "Thời hạn bị sửa mà không có gia hạn được ghi nhận làm mất dấu vết (điều 10.2.2: giữ thông tin dạng văn bản về hành động).",
        "A due date changed without a recorded extension erases the trail (clause 10.2.2: keep documented information of the actions).",
        "Khôi phục thời hạn gốc và thêm mục \"actions[].extensions\" với ngày mới, lý do và người phê duyệt.",
        "Restore the original due date and add an \"actions[].extensions\" entry with the new date, reason and approver."
    ),
    explain!(
        "QMS-C004",
        "Phải xem xét hiệu lực của hành động khắc phục trước khi đóng phiếu (điều 10.2.1 d); đóng phiếu không xác minh là lỗi thường gặp nhất khi kiểm tra.",
        "The effectiveness of corrective action must be reviewed before closing (clause 10.2.1 d); closing without verification is the most common inspection finding.",
        "Ghi \"verification\" (ngày, người xác minh, kết quả có hiệu lực hay không) rồi mới chuyển trạng thái sang đã đóng.",
        "Record \"verification\" (date, verifier, effective or not) before moving the state to closed."
    ),
    explain!(
        "QMS-C005",
        "Điều 10.2.1 a yêu cầu hành động để kiểm soát và khắc phục ngay sự không phù hợp (khắc phục tức thời), trước khi xử lý nguyên nhân.",
        "Clause 10.2.1 a asks for action to control and correct the nonconformity (the correction) before its cause is treated.",
        "Ghi \"correction\" của phiếu: việc đã làm ngay để xử lý hậu quả (ví dụ: đã liên hệ trả kết quả, xin lỗi công dân).",
        "Fill in the request's \"correction\": what was done at once to deal with the consequences."
    ),
    explain!(
        "QMS-C006",
        "Không xác định nguyên nhân thì hành động chỉ chữa triệu chứng và sự không phù hợp sẽ lặp lại (điều 10.2.1 b).",
        "Without a root cause the action treats symptoms only and the nonconformity recurs (clause 10.2.1 b).",
        "Ghi \"root_cause\" của phiếu (ví dụ phân tích 5 lần tại sao), rồi đề xuất hành động loại bỏ nguyên nhân đó.",
        "Fill in the request's \"root_cause\" (e.g. a five-whys analysis), then propose actions that remove it."
    ),
    explain!(
        "QMS-C007",
        "Trạng thái ghi trên phiếu phải khớp với những gì hồ sơ chứng minh (điều 10.2.2); trạng thái \"đã xong\" mà hành động chưa hoàn thành làm sai lệch báo cáo.",
        "The state of a request must match what its records show (clause 10.2.2); a request marked done with unfinished actions misleads every report.",
        "Sửa \"state\" cho đúng, hoặc bổ sung hồ sơ còn thiếu (ngày hoàn thành hành động, xác minh).",
        "Correct the \"state\", or add the missing records (action completion dates, verification)."
    ),
    explain!(
        "QMS-M001",
        "Lãnh đạo cao nhất phải xem xét HTQLCL theo định kỳ hoạch định (điều 9.3.1); cơ quan thường quy định ít nhất mỗi năm một lần.",
        "Top management must review the QMS at planned intervals (clause 9.3.1); agencies usually require at least once a year.",
        "Tổ chức cuộc họp xem xét của lãnh đạo và ghi vào \"management_reviews\"; ngưỡng 12 tháng có thể đổi trong \"settings.thresholds\".",
        "Hold the management review and record it in \"management_reviews\"; the 12-month threshold can be changed in \"settings.thresholds\"."
    ),
    explain!(
        "QMS-M002",
        "Điều 9.3.2 liệt kê các đầu vào bắt buộc (a–f, c1–c7); thiếu đầu vào là thiếu căn cứ cho quyết định của lãnh đạo.",
        "Clause 9.3.2 lists the required inputs (a–f, c1–c7); a missing input leaves management's decisions without a basis.",
        "Bổ sung nội dung cho đầu vào còn thiếu trong \"management_reviews[].inputs\" (danh sách đầu vào có trong hướng dẫn sử dụng). Một đầu vào đã trình bày nhưng \"summary\" còn trống được báo ở mức thông tin: viết tóm tắt để báo cáo thể hiện được.",
        "Add the missing input to \"management_reviews[].inputs\" (see the list in the user guide). An input presented with an empty \"summary\" is reported as info: write the summary so the report can show it."
    ),
    explain!(
        "QMS-M003",
        "Đầu ra của xem xét (điều 9.3.3) chỉ có giá trị khi có người chịu trách nhiệm và thời hạn; nếu không sẽ không theo dõi được ở lần xem xét sau.",
        "Review outputs (clause 9.3.3) only count with an owner and a due date; otherwise nobody can follow them up at the next review.",
        "Ghi \"owner\" (người hoặc đơn vị) và \"due\" cho mỗi quyết định trong \"management_reviews[].decisions\".",
        "Give each decision in \"management_reviews[].decisions\" an \"owner\" (person or unit) and a \"due\" date."
    ),
    explain!(
        "QMS-M004",
        "Đầu vào a của điều 9.3.2 là tình trạng các hành động từ lần xem xét trước; bỏ qua thì các quyết định cũ bị lãng quên.",
        "Input a of clause 9.3.2 is the status of actions from previous reviews; skipping it lets old decisions be forgotten.",
        "Trong đầu vào a của cuộc họp, báo cáo tình trạng từng quyết định của lần xem xét trước (đã xong, đang làm, quá hạn).",
        "In the meeting's input a, report the status of each decision of the previous review (done, in progress, overdue)."
    ),
    explain!(
        "QMS-O001",
        "Mục tiêu chất lượng phải đo lường được (điều 6.2.1 b); đây là tồn tại được các báo cáo kiểm tra của Sở KH&CN nêu nhiều nhất.",
        "Quality objectives must be measurable (clause 6.2.1 b); this is the shortcoming provincial inspection reports cite most often.",
        "Cho mỗi mục tiêu một chỉ số (\"indicator\") và chỉ tiêu có so sánh, giá trị, đơn vị tính (\"target\": \"comparison\", \"value\", \"unit\"), ví dụ \"≥ 98 % hồ sơ trả đúng hạn\".",
        "Give each objective an \"indicator\" and a \"target\" with comparison, value and unit, e.g. \"≥ 98 % of applications on time\"."
    ),
    explain!(
        "QMS-O002",
        "Điều 6.2.2 e yêu cầu xác định cách đánh giá kết quả; mục tiêu không có số đo của kỳ thì không biết đạt hay không.",
        "Clause 6.2.2 e requires deciding how results are evaluated; an objective without a measurement for the period cannot be judged.",
        "Thêm kết quả đo của kỳ vào \"measurements\" của mục tiêu (\"period_end\", \"value\").",
        "Add the period's result to the objective's \"measurements\" (\"period_end\", \"value\")."
    ),
    explain!(
        "QMS-O003",
        "Mục tiêu không đạt là đầu vào của xem xét của lãnh đạo và cần hành động (điều 6.2.2, 10.2).",
        "A missed objective is a management review input and needs action (clauses 6.2.2, 10.2).",
        "Ghi hành động vào \"actions\" của mục tiêu, hoặc lập hành động khắc phục.",
        "Record the actions in the objective's \"actions\", or raise a corrective action."
    ),
    explain!(
        "QMS-O004",
        "Xem xét của lãnh đạo phải xem xét mức độ đạt mục tiêu chất lượng của kỳ (9.3.2 c2); một kỳ không có mục tiêu nào thì đầu vào này trống.",
        "Management review must consider the extent to which the period's quality objectives were met (9.3.2 c2); a period with no objective leaves that input empty.",
        "Ghi mục tiêu chất lượng của năm vào \"quality_objectives\" với \"year\" thuộc kỳ xem xét, hoặc sửa kỳ xem xét (\"period_start\", \"period_end\").",
        "Record the year's quality objectives in \"quality_objectives\" with a \"year\" in the review period, or correct the period (\"period_start\", \"period_end\")."
    ),
    explain!(
        "QMS-D001",
        "Biểu mẫu quy trình sử dụng phải được kiểm soát (điều 7.5.3); biểu mẫu không có trong danh mục là tài liệu ngoài kiểm soát.",
        "The forms a procedure uses must be controlled (clause 7.5.3); a form missing from the register is uncontrolled.",
        "Thêm biểu mẫu vào danh mục tài liệu nội bộ (\"registers.internal_documents\") với mã, lần ban hành và ngày ban hành.",
        "Add the form to the internal documents register (\"registers.internal_documents\") with its code, revision and issue date."
    ),
    explain!(
        "QMS-D002",
        "Hồ sơ phải được quy định thời gian lưu giữ (điều 7.5.3.2); thiếu thời gian lưu là tồn tại thường gặp trong danh mục hồ sơ.",
        "Records need a defined retention period (clause 7.5.3.2); missing retention is a common gap in records lists.",
        "Ghi \"retention\" cho từng hồ sơ trong \"registers.records\" theo quy định lưu trữ của cơ quan.",
        "Set \"retention\" for each record in \"registers.records\" according to the agency's archiving rules."
    ),
    explain!(
        "QMS-D003",
        "Văn bản pháp luật thay đổi thường xuyên; danh mục tài liệu bên ngoài không được soát xét thì quy trình có thể viện dẫn văn bản đã hết hiệu lực.",
        "Legal texts change often; an external documents list that is not reviewed lets procedures cite repealed texts.",
        "Soát xét danh mục tài liệu bên ngoài và ghi ngày soát xét (\"reviewed_on\" trong \"registers.external_documents\") cho từng văn bản, loại bỏ văn bản hết hiệu lực.",
        "Review the external documents list and record the review date (\"reviewed_on\" in \"registers.external_documents\") for each text, removing repealed ones."
    ),
    explain!(
        "QMS-D004",
        "Quy trình giải quyết TTHC phải có hồ sơ một cửa (Giấy tiếp nhận và hẹn trả kết quả, Phiếu kiểm soát quá trình); thiếu các hồ sơ này là tồn tại các đoàn kiểm tra thường nêu.",
        "Administrative procedure processes need one-stop-shop records (receipt and appointment slip, processing control sheet); inspections keep finding them missing.",
        "Thêm các biểu mẫu đó vào \"forms\" của quy trình và vào danh mục hồ sơ (\"registers.records\"); nếu quy trình chưa khai báo TTHC liên kết thì ghi vào \"admin_procedures\".",
        "Add those forms to the procedure's \"forms\" and to the records register (\"registers.records\"); declare its administrative procedures in \"admin_procedures\" if missing."
    ),
    explain!(
        "QMS-D005",
        "Ký hiệu của văn bản gồm chữ viết tắt tên loại văn bản và chữ viết tắt tên cơ quan ban hành (Nghị định 30/2020/NĐ-CP, Phụ lục I); số văn bản mang ký hiệu của cơ quan khác là dấu hiệu sao chép hồ sơ của nơi khác. Khi cơ quan chưa khai ký hiệu viết tắt, quy tắc chỉ báo (mức thông tin) rằng không kiểm tra được.",
        "A document's symbol is the abbreviation of its kind and of the issuing agency (Decree 30/2020/NĐ-CP, Annex I); a number with another agency's symbol suggests records copied from elsewhere. When the agency's abbreviation is not given, the rule says (as info) that it cannot check.",
        "Sửa số văn bản cho đúng ký hiệu của cơ quan (ví dụ \"05/KH-SKHCN\"), hoặc khai \"agency.symbol\".",
        "Correct the number to carry the agency's symbol (e.g. \"05/KH-SKHCN\"), or give \"agency.symbol\"."
    ),
    explain!(
        "QMS-S001",
        "Mọi điều khoản không áp dụng phải có lý giải (điều 4.3); đoàn đánh giá không chấp nhận loại trừ không nêu lý do.",
        "Every clause declared not applicable needs a justification (clause 4.3); auditors reject exclusions without one.",
        "Ghi \"reason\" cho điều khoản trong \"scope.exclusions\".",
        "Write the \"reason\" for the clause in \"scope.exclusions\"."
    ),
    explain!(
        "QMS-S002",
        "Chỉ được coi là không áp dụng những yêu cầu không ảnh hưởng tới khả năng cung cấp dịch vụ phù hợp (điều 4.3), thường là 7.1.5, 8.3, 8.5.3 với cơ quan hành chính.",
        "Only requirements that do not affect the ability to deliver conforming services may be excluded (clause 4.3), usually 7.1.5, 8.3, 8.5.3 for administrations.",
        "Xem lại điều khoản được loại trừ; nếu thật sự không áp dụng, giải thích cụ thể trong \"reason\", nếu không thì bỏ khỏi \"scope.exclusions\".",
        "Reconsider the excluded clause; if it truly does not apply, justify it precisely in \"reason\", otherwise remove it from \"scope.exclusions\"."
    ),
    explain!(
        "QMS-S003",
        "Khoản 3 Điều 4 Quyết định 19/2014/QĐ-TTg yêu cầu công bố lại khi điều chỉnh, mở rộng hoặc thu hẹp phạm vi HTQLCL.",
        "Clause 3, Article 4 of Decision 19/2014/QĐ-TTg requires re-announcing the QMS when its scope is adjusted, widened or narrowed.",
        "Ban hành quyết định công bố lại và thêm vào \"announcements\" (\"date\", \"decision_number\", \"scope_text\" tại thời điểm công bố).",
        "Issue a re-announcement decision and add it to \"announcements\" (\"date\", \"decision_number\", \"scope_text\" at that time)."
    ),
    explain!(
        "QMS-S004",
        "Công văn 419/BKHCN-TĐC yêu cầu các cơ quan hoàn thành chuyển đổi sang TCVN ISO 9001:2015 trước 30/6/2021.",
        "Official letter 419/BKHCN-TĐC required agencies to complete the move to TCVN ISO 9001:2015 by 30 June 2021.",
        "Chuyển hồ sơ sang phiên bản 2015 (qms convert HỒ_SƠ --to 2015 -o MỚI), xem lại các ánh xạ chưa rõ, rồi công bố lại HTQLCL.",
        "Convert the dossier (qms convert FILE --to 2015 -o NEW), settle the ambiguous mappings, then re-announce the QMS."
    ),
    explain!(
        "QMS-S005",
        "Điều 4 Quyết định 19/2014/QĐ-TTg: cơ quan xây dựng, áp dụng HTQLCL phải công bố phù hợp tiêu chuẩn và thông báo cho Sở KH&CN.",
        "Article 4 of Decision 19/2014/QĐ-TTg: an agency that applies a QMS must announce its conformity and notify the provincial Department of Science and Technology.",
        "Ghi quyết định công bố vào \"announcements\" (ngày, số quyết định, phạm vi).",
        "Record the announcement decision in \"announcements\" (date, decision number, scope)."
    ),
    explain!(
        "QMS-V001",
        "Tệp không phải JSON hợp lệ nên không đọc được gì sau vị trí lỗi.",
        "The file is not valid JSON, so nothing after the error can be read.",
        "Mở tệp tại dòng và cột được báo; thường là thiếu dấu phẩy, dấu ngoặc, hoặc dấu ngoặc kép chưa đóng. Trình soạn thảo có kiểm tra JSON (VS Code) chỉ ra ngay.",
        "Open the file at the reported line and column; usually a missing comma, bracket or closing quote. An editor that checks JSON (VS Code) shows it at once."
    ),
    explain!(
        "QMS-V002",
        "Một trường bị thiếu, viết sai tên, hoặc có kiểu giá trị không đúng (ví dụ chữ ở chỗ cần số, ngày không theo dạng YYYY-MM-DD).",
        "A member is missing, misspelt, or has a value of the wrong type (e.g. text where a number is expected, a date not written YYYY-MM-DD).",
        "Sửa trường theo đường dẫn JSON được báo; tên và kiểu của mọi trường có trong tài liệu tham chiếu hồ sơ và JSON Schema (qms schema).",
        "Fix the member at the reported JSON path; every member's name and type is in the dossier reference and the JSON Schema (qms schema)."
    ),
    explain!(
        "QMS-V003",
        "Mã định danh phải là duy nhất trong một danh sách, vì các bản ghi khác tham chiếu tới nó.",
        "Ids must be unique within a collection, because other records refer to them.",
        "Đổi mã của một trong hai bản ghi trùng và cập nhật các tham chiếu tới nó.",
        "Rename one of the two records and update the references to it."
    ),
    explain!(
        "QMS-V004",
        "Một bản ghi tham chiếu tới mã không tồn tại (đơn vị, người, quy trình, phát hiện...), nên không biết nó thuộc về đâu.",
        "A record refers to an id that does not exist (unit, person, procedure, finding…), so it belongs nowhere.",
        "Sửa mã cho đúng với bản ghi đã có (thông báo liệt kê mã gần giống), hoặc thêm bản ghi còn thiếu.",
        "Correct the id to an existing record (the message suggests close matches), or add the missing record."
    ),
    explain!(
        "QMS-V005",
        "Mã điều khoản không có trong phiên bản tiêu chuẩn của hồ sơ (ví dụ 8.2.2 là của bản 2008, không có trong bản 2015).",
        "The clause id is not in the dossier's edition of the standard (e.g. 8.2.2 belongs to 2008, not 2015).",
        "Dùng mã đúng phiên bản (qms clauses --edition 2015), hoặc tra tương ứng bằng qms correlate.",
        "Use an id of the right edition (qms clauses --edition 2015), or look up the mapping with qms correlate."
    ),
    explain!(
        "QMS-V006",
        "Ngày kết thúc trước ngày bắt đầu là không thể xảy ra và làm sai mọi tính toán thời hạn.",
        "An end before its start cannot happen and breaks every deadline computation.",
        "Sửa một trong hai ngày tại đường dẫn được báo.",
        "Correct one of the two dates at the reported path."
    ),
    explain!(
        "QMS-V007",
        "Giá trị nằm ngoài miền cho phép của trường (ví dụ tỷ lệ âm, năm không hợp lý, danh sách rỗng ở chỗ cần ít nhất một phần tử).",
        "The value is outside what the member allows (e.g. a negative rate, an implausible year, an empty list where one entry is needed).",
        "Sửa giá trị theo gợi ý trong thông báo.",
        "Correct the value as the message suggests."
    ),
    explain!(
        "QMS-V008",
        "Tệp không được mã hóa UTF-8 (thường là tệp lưu bằng bảng mã cũ như TCVN3/VNI hoặc UTF-16), nên chữ tiếng Việt sẽ bị sai.",
        "The file is not UTF-8 (often saved in a legacy code page such as TCVN3/VNI, or as UTF-16), so Vietnamese text would be garbled.",
        "Lưu lại tệp với mã hóa UTF-8 (trong Notepad: Save As, Encoding UTF-8; trong VS Code: Save with Encoding).",
        "Save the file again as UTF-8 (Notepad: Save As, Encoding UTF-8; VS Code: Save with Encoding)."
    ),
    explain!(
        "QMS-V009",
        "Một trường được viết hai lần trong cùng một đối tượng JSON; trình đọc JSON chỉ giữ một giá trị và bỏ qua giá trị kia mà không báo, nên điều người soạn thấy trong tệp không phải điều được đọc.",
        "A member is written twice in the same JSON object; a JSON reader keeps one value and silently drops the other, so what the author sees in the file is not what is read.",
        "Mở tệp tại hai vị trí được báo, giữ lại giá trị đúng và xóa giá trị kia.",
        "Open the file at the two reported positions, keep the right value and delete the other."
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_an_explanation_in_both_languages() {
        for rule in super::super::RULES {
            let e = explain(rule.code).unwrap_or_else(|| panic!("{} unexplained", rule.code));
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    e.why(lang).len() > 40 && e.fix(lang).len() > 20,
                    "{}",
                    e.code
                );
            }
            assert_ne!(e.why(Lang::Vi), e.why(Lang::En));
        }
    }

    #[test]
    fn every_validation_code_is_explained_and_codes_are_unique() {
        for n in 1..=9 {
            assert!(explain(&format!("QMS-V{n:03}")).is_some(), "V{n:03}");
        }
        let mut codes: Vec<&str> = EXPLANATIONS.iter().map(|e| e.code).collect();
        let all = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all);
        assert!(explain("a004").is_some() && explain("  QMS-s003 ").is_some());
        assert!(explain("QMS-Z999").is_none());
    }
}
