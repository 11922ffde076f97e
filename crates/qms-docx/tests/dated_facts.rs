//! Facts as of a document's date: a record says what was true on the day it is dated, not
//! what the dossier says today (the states of requests, who was invited, signature dates).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use chrono::NaiveDate;
use qms_core::Dossier;
use qms_core::model::{CaSource, CaState, CorrectiveAction, StateChange};
use qms_docx::{DocumentKind, Target, render};
use support::{fixture, opts, paragraphs};

const PROGRAMME: &str = "ct2026";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn text(d: &Dossier, kind: DocumentKind, target: Target<'_>) -> Vec<String> {
    paragraphs(&render(kind, target, d, &opts()).unwrap())
}

fn has(t: &[String], s: &str) -> bool {
    t.iter().any(|p| p == s)
}

/// The fixture with a dated history for request 01/2026 (closed on 25/6/2026) and a request
/// 03/2026 raised on 25/6/2026, after the audit report (10/3) and the review report (20/6).
fn dossier() -> Dossier {
    let mut d = fixture();
    let ca = d
        .corrective_actions
        .iter_mut()
        .find(|c| c.id == "ca1")
        .unwrap();
    let steps = [
        (CaState::Analysing, day(3, 7)),
        (CaState::AwaitingApproval, day(3, 9)),
        (CaState::InProgress, day(3, 12)),
        (CaState::Verifying, day(4, 10)),
        (CaState::Closed, day(6, 25)),
    ];
    ca.history = steps
        .iter()
        .map(|&(state, date)| StateChange { state, date })
        .collect();
    let mut late = CorrectiveAction::new("ca3", CaSource::InternalAudit, "vp", day(6, 25));
    late.number = Some("03/2026".into());
    late.finding = Some("f3".into());
    d.corrective_actions.push(late);
    d
}

#[test]
fn audit_report_shows_the_requests_as_they_stood_on_its_date() {
    let d = dossier();
    let report = text(&d, DocumentKind::Report, Target::Audit("dg2026-1"));
    assert!(
        !has(&report, "03/2026"),
        "a request raised after the report is not in it"
    );
    assert!(has(&report, "01/2026"));
    assert!(
        has(&report, "Chờ phê duyệt"),
        "01/2026 awaited approval on 10/3"
    );
    assert!(!has(&report, "Đã đóng"), "closed only on 25/6");
    assert!(
        report
            .iter()
            .any(|p| p.ends_with("đã lập 1 phiếu yêu cầu hành động khắc phục.")),
        "the count leaves out the later request"
    );
}

#[test]
fn audit_report_without_history_leaves_out_later_facts() {
    // The fixture's 01/2026 has no history; its approval (12/3) is later than the report
    // (10/3), so it cannot have been closed, or even approved, on the report's date.
    let report = text(&fixture(), DocumentKind::Report, Target::Audit("dg2026-1"));
    assert!(has(&report, "Chờ phê duyệt"));
    assert!(!has(&report, "Đã đóng"));
}

#[test]
fn review_report_and_minutes_show_states_on_their_own_dates() {
    let d = dossier();
    // The input report is dated 20/6 (the notice date), the minutes 29/6.
    let report = text(&d, DocumentKind::ReviewReport, Target::Review("xx2026"));
    assert!(!has(&report, "03/2026"), "raised after the report");
    assert!(has(&report, "Đang xác minh hiệu lực"), "01/2026 on 20/6");
    assert!(!has(&report, "Đã đóng"));
    assert!(has(
        &report,
        "Trong kỳ có 2 sự không phù hợp từ đánh giá nội bộ; 2 phiếu yêu cầu hành động khắc phục được lập, 0 phiếu đã kết thúc."
    ));
    let minutes = text(&d, DocumentKind::Minutes, Target::Review("xx2026"));
    assert!(has(
        &minutes,
        "Trong kỳ có 2 sự không phù hợp từ đánh giá nội bộ; 3 phiếu yêu cầu hành động khắc phục được lập, 1 phiếu đã kết thúc."
    ));
}

#[test]
fn overdue_is_a_number_of_days_to_the_documents_date() {
    // 02/2026's action was due 30/5/2026 and is not done; the report is dated 20/6/2026.
    let vi = text(
        &fixture(),
        DocumentKind::ReviewReport,
        Target::Review("xx2026"),
    );
    assert!(has(&vi, "21 ngày"), "{vi:?}");
    let mut o = opts();
    o.lang = qms_core::Lang::En;
    let en = paragraphs(
        &render(
            DocumentKind::ReviewReport,
            Target::Review("xx2026"),
            &fixture(),
            &o,
        )
        .unwrap(),
    );
    assert!(has(&en, "21 days"));
}

#[test]
fn the_notice_invites_every_member_including_those_later_absent() {
    let mut d = fixture();
    let r = &mut d.management_reviews[0];
    let tuan = r
        .meeting
        .attendees
        .iter()
        .position(|a| a == "tuan")
        .unwrap();
    r.meeting.attendees.remove(tuan);
    r.meeting.absent.push(qms_core::model::Absence {
        person: "tuan".into(),
        reason: Some("đi công tác".into()),
    });
    let name = d.person("tuan").unwrap().name.clone();
    let notice = text(&d, DocumentKind::ReviewNotice, Target::Review("xx2026"));
    assert!(
        notice
            .iter()
            .any(|p| p.starts_with("- ") && p.contains(&name)),
        "{name} was invited: {notice:?}"
    );
}

#[test]
fn a_later_request_is_not_signed_by_the_unit_before_it_was_raised() {
    // f1 was acknowledged by its unit on 6/3/2026; a second request on it raised on 20/4
    // cannot carry a unit signature of 6/3.
    let mut d = fixture();
    let mut later = CorrectiveAction::new("ca5", CaSource::InternalAudit, "vp", day(4, 20));
    later.number = Some("05/2026".into());
    later.finding = Some("f1".into());
    d.corrective_actions.push(later);
    let car = text(&d, DocumentKind::Car, Target::CorrectiveAction("ca5"));
    // A signer's note and date share a line: "(Ký, ghi rõ họ tên) – ngày 20/04/2026".
    let signed = |t: &[String], date: &str| has(t, &format!("(Ký, ghi rõ họ tên) – ngày {date}"));
    assert!(
        signed(&car, "20/04/2026"),
        "the raiser signs on the request's date"
    );
    assert!(!signed(&car, "06/03/2026"), "{car:?}");
    // The first request, raised the day of the acknowledgement, keeps its date.
    let first = text(&d, DocumentKind::Car, Target::CorrectiveAction("ca1"));
    assert!(signed(&first, "06/03/2026"));
}

#[test]
fn minutes_letter_the_decision_groups_they_print_without_gaps() {
    // Decisions for outputs a and c only: the minutes print them as a) and b).
    let mut d = fixture();
    let r = &mut d.management_reviews[0];
    r.decisions.retain(|x| x.output != "b");
    let outputs = qms_core::catalog::review_outputs(d.scope.edition);
    let label = |key: &str| {
        outputs
            .iter()
            .find(|o| o.key == key)
            .unwrap()
            .label(qms_core::Lang::Vi)
    };
    let minutes = text(&d, DocumentKind::Minutes, Target::Review("xx2026"));
    assert!(has(&minutes, &format!("a) {}", label("a"))));
    assert!(has(&minutes, &format!("b) {}", label("c"))), "{minutes:?}");
    assert!(!has(&minutes, &format!("c) {}", label("c"))));
}

#[test]
fn an_objective_on_process_performance_shows_under_c3_only() {
    let mut d = fixture();
    for o in &mut d.quality_objectives {
        o.process_performance = false;
    }
    d.quality_objectives[0].process_performance = true;
    let marked = d.quality_objectives[0].statement.clone();
    let other = d.quality_objectives[1].statement.clone();
    let report = text(&d, DocumentKind::ReviewReport, Target::Review("xx2026"));
    let at = |key: &str| report.iter().position(|p| p.starts_with(key)).unwrap();
    let (c2, c3, c4) = (at("c2)"), at("c3)"), at("c4)"));
    let count =
        |from: usize, to: usize, s: &str| report[from..to].iter().filter(|p| **p == s).count();
    assert_eq!(count(c2, c3, &marked), 0, "not repeated under c2");
    assert_eq!(count(c3, c4, &marked), 1);
    assert_eq!(count(c2, c3, &other), 1);
    assert_eq!(count(c3, c4, &other), 0);
}

#[test]
fn every_kind_finds_its_form_by_title_when_nothing_links_it() {
    use qms_core::model::{DocumentKind as Doc, DocumentStatus, InternalDocument, QmsRecord};
    // Forms titled as agencies title them, none linked to a record: the fallback by title
    // must find each document's form, whatever its kind.
    let cases = [
        (
            DocumentKind::Programme,
            Target::Programme(PROGRAMME),
            QmsRecord::Programme,
        ),
        (
            DocumentKind::TeamDecision,
            Target::Audit("dg2026-1"),
            QmsRecord::TeamDecision,
        ),
        (
            DocumentKind::Plan,
            Target::Audit("dg2026-1"),
            QmsRecord::Plan,
        ),
        (
            DocumentKind::Report,
            Target::Audit("dg2026-1"),
            QmsRecord::Report,
        ),
        (
            DocumentKind::Car,
            Target::Audit("dg2026-1"),
            QmsRecord::CorrectiveActionRequest,
        ),
        (
            DocumentKind::ReviewNotice,
            Target::Review("xx2026"),
            QmsRecord::ReviewNotice,
        ),
        (
            DocumentKind::ReviewReport,
            Target::Review("xx2026"),
            QmsRecord::ReviewReport,
        ),
        (
            DocumentKind::Minutes,
            Target::Review("xx2026"),
            QmsRecord::Minutes,
        ),
    ];
    assert_eq!(cases.len(), DocumentKind::ALL.len());
    let mut d = fixture();
    d.registers = Default::default();
    for (i, (_, _, record)) in cases.iter().enumerate() {
        // The shortest title the record answers to: the agency's own wording.
        let title = std::iter::once(record.usual_title())
            .chain(record.other_titles().iter().copied())
            .min_by_key(|t| t.len())
            .unwrap();
        d.registers.internal_documents.push(InternalDocument {
            id: format!("bm-{i}"),
            code: format!("BM.T{i:02}"),
            title: title.to_owned(),
            kind: Doc::Form,
            revision: None,
            issued_on: None,
            owner_unit: None,
            location: None,
            status: DocumentStatus::Current,
        });
    }
    for (i, (kind, target, _)) in cases.into_iter().enumerate() {
        let t = text(&d, kind, target);
        assert_eq!(t[0], format!("BM.T{i:02}"), "{kind}");
    }
}

#[test]
fn an_empty_review_input_reads_the_same_in_the_report_and_the_minutes() {
    // Input e) has neither a recorded summary nor dossier data in the fixture.
    for (lang, words) in [
        (qms_core::Lang::Vi, "(Chưa có thông tin)"),
        (qms_core::Lang::En, "(No information recorded)"),
    ] {
        let mut o = opts();
        o.lang = lang;
        let d = fixture();
        for kind in [DocumentKind::ReviewReport, DocumentKind::Minutes] {
            let t = paragraphs(&render(kind, Target::Review("xx2026"), &d, &o).unwrap());
            assert!(has(&t, words), "{kind} {lang:?}: {t:?}");
        }
    }
}

/// A request raised on an outside inspection's finding shows that finding (clauses,
/// evidence, statement) and the inspection record it came from; it was an empty form.
#[test]
fn a_request_from_an_outside_inspection_shows_its_finding_and_record() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/ubnd-phuong-my-tho-2015.json"
    );
    let d = qms_core::load(&std::fs::read(path).unwrap()).unwrap();
    let (inspection, finding) = d
        .inspection_findings()
        .find(|(_, f)| f.id == "kt-2025-01")
        .unwrap();
    let car = paragraphs(
        &render(
            DocumentKind::Car,
            Target::CorrectiveAction("car-04"),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    let all = car.join("\n");
    assert!(all.contains(&finding.statement), "{all}");
    assert!(all.contains(finding.evidence.as_deref().unwrap()), "{all}");
    assert!(all.contains(inspection.number.as_deref().unwrap()), "{all}");
    assert!(all.contains(&inspection.body), "{all}");
}

#[test]
fn an_unfinished_decision_of_the_previous_review_past_its_due_date_says_so() {
    // so-khcn's 2025 review decided an action due 30/04/2026 (training five auditors), still
    // in progress in the 2026 input report dated 03/11/2026: 187 days overdue. Its done and
    // cancelled decisions carry no such mark.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/so-khcn-ninh-binh.json"
    );
    let d = qms_core::load(&std::fs::read(path).unwrap()).unwrap();
    let vi = text(&d, DocumentKind::ReviewReport, Target::Review("xxld-2026"));
    let marked = |t: &[String], mark: &str| t.iter().filter(|p| p.contains(mark)).count();
    assert!(
        vi.iter()
            .any(|p| p.starts_with("Đang thực hiện (quá hạn 187 ngày)")),
        "{vi:?}"
    );
    assert_eq!(marked(&vi, "Hoàn thành (quá hạn"), 0);
    assert_eq!(marked(&vi, "Hủy bỏ (quá hạn"), 0);
    let mut o = opts();
    o.lang = qms_core::Lang::En;
    let en = paragraphs(
        &render(
            DocumentKind::ReviewReport,
            Target::Review("xxld-2026"),
            &d,
            &o,
        )
        .unwrap(),
    );
    assert!(
        en.iter()
            .any(|p| p.starts_with("In progress (187 days overdue)")),
        "{en:?}"
    );
}
