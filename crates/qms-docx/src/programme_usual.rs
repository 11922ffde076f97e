//! The usual text of the ISO 19011 5.x sections of an audit programme, for a dossier that
//! does not state its own: audit types (5.4.2), auditor selection (5.4.2, 5.5.4, 7),
//! resources (5.4.4), risks and opportunities of the programme (5.3), monitoring and review
//! (5.6, 5.7). An agency that runs its programme differently writes its own lines in the
//! programme (`audit_types`, `auditor_criteria`, `resources`, `risks`, `monitoring`).

use crate::ctx::Ctx;
use qms_core::Edition;

fn lines(ctx: &Ctx<'_>, vi: &[&str], en: &[&str]) -> Vec<String> {
    let pick = if ctx.lang == qms_core::Lang::Vi {
        vi
    } else {
        en
    };
    pick.iter().map(|s| (*s).to_owned()).collect()
}

/// First-party audits, combined by unit and by process.
pub(crate) fn audit_types(ctx: &Ctx<'_>) -> Vec<String> {
    lines(
        ctx,
        &[
            "Đánh giá nội bộ (đánh giá của bên thứ nhất) do cơ quan tự tổ chức đối với hệ thống quản lý chất lượng (HTQLCL) của mình.",
            "Đánh giá kết hợp theo đơn vị và theo quá trình: tại mỗi đơn vị, đánh giá các quy trình đơn vị thực hiện và các điều khoản áp dụng; các quá trình chung của hệ thống (kiểm soát tài liệu, hồ sơ, hành động khắc phục, đánh giá nội bộ, xem xét của lãnh đạo) được đánh giá tại đơn vị chủ trì.",
            "Khi cần (thay đổi tổ chức bộ máy, khiếu nại, sự không phù hợp lặp lại), tổ chức đánh giá bổ sung ngoài kế hoạch đối với đơn vị hoặc quy trình liên quan.",
        ],
        &[
            "Internal (first-party) audits that the agency organises of its own quality management system (QMS).",
            "Combined audits by unit and by process: at each unit, the procedures it carries out and the clauses that apply; the system-wide processes (documents, records, corrective action, internal audit, management review) at the unit in charge of them.",
            "Where needed (reorganisation, complaints, repeated nonconformities), additional audits of the unit or procedure concerned outside the schedule.",
        ],
    )
}

/// Competence and independence; "not their own work" is a requirement of the 2008 edition.
pub(crate) fn auditor_criteria(ctx: &Ctx<'_>) -> Vec<String> {
    let independence = match ctx.d.scope.edition {
        Edition::Iso9001_2008 => (
            "Khách quan, vô tư: chuyên gia đánh giá không được đánh giá công việc của chính mình (TCVN ISO 9001:2008, 8.2.2); không đánh giá đơn vị nơi mình công tác (đánh giá chéo giữa các đơn vị).",
            "Objectivity and impartiality: auditors shall not audit their own work (TCVN ISO 9001:2008, 8.2.2) nor their own unit (cross-audits between units).",
        ),
        Edition::Iso9001_2015 => (
            "Khách quan, vô tư: chuyên gia đánh giá không đánh giá công việc của chính mình và không đánh giá đơn vị nơi mình công tác (đánh giá chéo giữa các đơn vị).",
            "Objectivity and impartiality: auditors do not audit their own work nor their own unit (cross-audits between units).",
        ),
    };
    lines(
        ctx,
        &[
            "Chuyên gia đánh giá nội bộ đã được đào tạo về TCVN ISO 9001 và kỹ năng đánh giá nội bộ (có giấy chứng nhận), nắm được quy định pháp luật và quy trình của lĩnh vực được đánh giá.",
            "Trưởng đoàn đánh giá đã tham gia ít nhất một cuộc đánh giá nội bộ trước đó và có năng lực điều hành đoàn đánh giá.",
            independence.0,
            "Năng lực chuyên gia đánh giá được xem xét sau mỗi đợt đánh giá (chất lượng phiếu câu hỏi, phát hiện, báo cáo) để bố trí, bồi dưỡng.",
        ],
        &[
            "Internal auditors trained in TCVN ISO 9001 and internal auditing (certificate held), who know the law and procedures of the area audited.",
            "The lead auditor has taken part in at least one previous internal audit and can lead a team.",
            independence.1,
            "The auditors' competence is reviewed after each audit (checklists, findings, reports) for assignment and training.",
        ],
    )
}

/// People, time, funding and facilities.
pub(crate) fn resources(ctx: &Ctx<'_>) -> Vec<String> {
    lines(
        ctx,
        &[
            "Nhân lực: chuyên gia đánh giá nội bộ của cơ quan theo Quyết định thành lập Đoàn đánh giá; Thư ký ISO hỗ trợ tổng hợp hồ sơ.",
            "Thời gian: mỗi đơn vị được đánh giá khoảng một buổi làm việc; lịch cụ thể theo kế hoạch của từng đợt.",
            "Kinh phí: từ dự toán kinh phí duy trì, cải tiến HTQLCL hằng năm của cơ quan.",
            "Phương tiện: phòng họp, hồ sơ giấy và dữ liệu trên Hệ thống thông tin giải quyết thủ tục hành chính; biểu mẫu theo quy trình đánh giá nội bộ.",
        ],
        &[
            "People: the agency's internal auditors named in the decision on the audit team; the ISO secretary compiles the records.",
            "Time: about half a working day for each unit; the dates are set in each audit's plan.",
            "Funding: from the agency's yearly budget for maintaining and improving the QMS.",
            "Facilities: a meeting room, paper records and the data of the administrative-procedure information system; the forms of the internal audit procedure.",
        ],
    )
}

/// What may keep the programme from its objectives, what may help, and the response.
pub(crate) fn risks(ctx: &Ctx<'_>) -> Vec<String> {
    lines(
        ctx,
        &[
            "Rủi ro: chuyên gia đánh giá bận công tác chuyên môn, không bố trí đủ thời gian; thay đổi tổ chức bộ máy, nhân sự làm thay đổi phạm vi đánh giá; đơn vị chưa chuẩn bị hồ sơ. Biện pháp: thống nhất lịch sớm, bố trí chuyên gia dự phòng, điều chỉnh chương trình khi có thay đổi.",
            "Rủi ro: đánh giá thiếu khách quan khi số chuyên gia ít. Biện pháp: đánh giá chéo giữa các đơn vị; khi không tránh được, Trưởng đoàn kiểm tra lại phát hiện của đơn vị đó.",
            "Cơ hội: dùng dữ liệu điện tử về giải quyết thủ tục hành chính để lấy mẫu hồ sơ; kết hợp đánh giá với tự kiểm tra việc giải quyết thủ tục hành chính; bồi dưỡng thêm chuyên gia đánh giá qua thực hành.",
        ],
        &[
            "Risk: auditors busy with their regular work cannot give the time; reorganisation or staff changes alter the scope; units have not prepared their records. Response: agree the dates early, name reserve auditors, revise the programme when things change.",
            "Risk: too few auditors to stay impartial. Response: cross-audits between units; where that cannot be avoided, the lead auditor re-checks that unit's findings.",
            "Opportunity: sample records from the electronic administrative-procedure data; combine the audit with the self-inspection of administrative procedures; train more auditors on the job.",
        ],
    )
}

/// Monitoring (5.6) and review and improvement (5.7) of the programme.
pub(crate) fn monitoring(ctx: &Ctx<'_>) -> Vec<String> {
    lines(
        ctx,
        &[
            "Thư ký ISO theo dõi việc thực hiện chương trình (đúng lịch, đạt mục tiêu, tiến độ hành động khắc phục) và báo cáo Đại diện lãnh đạo về chất lượng sau mỗi đợt đánh giá.",
            "Kết quả thực hiện chương trình là đầu vào của cuộc họp xem xét của lãnh đạo; ý kiến của đơn vị được đánh giá và của chuyên gia đánh giá được tổng hợp để cải tiến chương trình năm sau.",
            "Chương trình được điều chỉnh khi có thay đổi về tổ chức bộ máy, phạm vi HTQLCL, quy định pháp luật hoặc theo kết quả các cuộc đánh giá trước.",
        ],
        &[
            "The ISO secretary monitors the programme (dates kept, objectives met, progress of corrective actions) and reports to the quality representative after each audit.",
            "The results of the programme are an input to the management review; feedback from the audited units and the auditors is used to improve next year's programme.",
            "The programme is revised when the organisation, the QMS scope or the law changes, or in the light of previous audit results.",
        ],
    )
}
