//! One agency's row of the roll-up (dòng tổng hợp của một cơ quan): what the inspector asks of
//! every dossier, computed from the loaded dossier and its check diagnostics. The dossier can
//! be dropped as soon as its row exists.

use super::RollupOptions;
use crate::model::{AgencyKind, CaState, FindingKind, TrainingKind};
use crate::rules::{Diagnostic, Severity};
use crate::{Dossier, Edition};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// The yearly requirements an inspection checks (yêu cầu hằng năm), in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// An internal audit within the last 12 months.
    AuditWithin12Months,
    /// A management review within the last 12 months.
    ReviewWithin12Months,
    /// The QMS announced, and no scope change since the last announcement.
    AnnouncementCurrent,
    /// On TCVN ISO 9001:2015, not 2008.
    Edition2015,
    /// At least one person trained as internal auditor.
    TrainedAuditor,
}

impl Requirement {
    /// Every requirement, in report order.
    pub const ALL: [Requirement; 5] = [
        Requirement::AuditWithin12Months,
        Requirement::ReviewWithin12Months,
        Requirement::AnnouncementCurrent,
        Requirement::Edition2015,
        Requirement::TrainedAuditor,
    ];

    /// How a failure of the requirement reads, e.g. "no internal audit within 12 months".
    ///
    /// ```
    /// use qms_core::rollup::Requirement;
    /// assert_eq!(Requirement::Edition2015.failure(qms_core::Lang::En), "still on the 2008 edition");
    /// ```
    pub fn failure(self, lang: crate::Lang) -> &'static str {
        match self {
            Requirement::AuditWithin12Months => lang.pick(
                "không đánh giá nội bộ trong 12 tháng",
                "no internal audit within 12 months",
            ),
            Requirement::ReviewWithin12Months => lang.pick(
                "không xem xét của lãnh đạo trong 12 tháng",
                "no management review within 12 months",
            ),
            Requirement::AnnouncementCurrent => lang.pick(
                "chưa công bố hoặc phải công bố lại HTQLCL",
                "QMS not announced or re-announcement due",
            ),
            // "TCVN ISO 9001" is one unbreakable unit in documents; a year after it would make
            // a token too wide for a narrow table cell, so the edition is said before it.
            Requirement::Edition2015 => lang.pick(
                "vẫn áp dụng phiên bản 2008 của TCVN ISO 9001",
                "still on the 2008 edition",
            ),
            Requirement::TrainedAuditor => lang.pick(
                "không có chuyên gia đánh giá nội bộ được đào tạo",
                "no trained internal auditor",
            ),
        }
    }
}

/// The roll-up row of one agency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencySummary {
    /// Where the dossier came from (a file name, or "dossiers[3]").
    pub source: String,
    /// The dossier id, which identifies the agency across submissions.
    pub id: String,
    /// The agency's name.
    pub name: String,
    /// The agency's English name (`english.agency`), if the dossier gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english_name: Option<String>,
    /// Kind of agency (given or inferred from the name).
    pub kind: AgencyKind,
    /// The agency's place name (địa danh), e.g. "Ninh Bình"; a commune's own name, so not
    /// the province.
    pub place: Option<String>,
    /// The province the agency belongs to (see [`super::province_of`]), e.g. "Đồng Tháp".
    pub province: Option<String>,
    /// The province's grouping (cụm, khu vực), if any.
    pub grouping: Option<String>,
    /// Edition applied.
    pub edition: Edition,
    /// The year the dossier's activity belongs to (see [`dossier_year`]).
    pub year: Option<i32>,
    /// Date and decision number of the last announcement.
    pub announced: Option<(NaiveDate, String)>,
    /// The scope changed since the last announcement.
    pub reannouncement_due: bool,
    /// End of the last internal audit.
    pub last_audit: Option<NaiveDate>,
    /// Date of the last management review meeting.
    pub last_review: Option<NaiveDate>,
    /// Whether the last audit ended within 12 months of [`RollupOptions::as_of`].
    pub audit_within_12_months: bool,
    /// Whether the last review met within 12 months of [`RollupOptions::as_of`].
    pub review_within_12_months: bool,
    /// Audits that ended in the year.
    pub audits_in_year: u32,
    /// Findings of the year's audits by kind, in [`FindingKind::ALL`] order.
    pub findings: [u32; 6],
    /// Corrective actions not closed.
    pub actions_open: u32,
    /// Open actions with a step past its due date.
    pub actions_overdue: u32,
    /// Actions closed with a verification that found them effective.
    pub actions_closed_effective: u32,
    /// Quality objectives of the year (or without a year).
    pub objectives: u32,
    /// Of those, how many have a target with a unit and a period.
    pub objectives_measurable: u32,
    /// Of those, how many met their target at the latest measurement.
    pub objectives_met: u32,
    /// People with an internal-auditor training record.
    pub trained_auditors: u32,
    /// People trained in awareness of TCVN ISO 9001 during the year.
    pub awareness_trained: u32,
    /// Errors from the check.
    pub errors: u32,
    /// Warnings from the check.
    pub warnings: u32,
    /// The most serious diagnostic: code and message (Vietnamese, English).
    pub most_serious: Option<(&'static str, String, String)>,
    /// Rule codes with at least one diagnostic, and how many, in rule order.
    pub rules: Vec<(&'static str, u32)>,
}

impl AgencySummary {
    /// The agency's name in a document's language: its English name in English when the
    /// dossier gives one, its Vietnamese name otherwise (a proper name needs no translation).
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        match (lang, &self.english_name) {
            (crate::Lang::En, Some(n)) => n,
            _ => &self.name,
        }
    }

    /// The agency's name as a provincial report lists it, in a document's language: "UBND xã
    /// An Bình" for "Ủy ban nhân dân xã An Bình", "Sở Tư pháp" for "Sở Tư pháp tỉnh Ninh Bình"
    /// (the province is the report's own), "My Tho Ward" for "People's Committee of My Tho
    /// Ward". Without an English name an English report uses the Vietnamese short name.
    ///
    /// ```
    /// # use qms_core::rollup::{AgencySummary, RollupOptions, summarize};
    /// # fn summary(name: &str, english: Option<&str>) -> AgencySummary {
    /// #     let mut d = qms_core::starter::starter_dossier(name);
    /// #     d.agency.place = Some("Ninh Bình".into());
    /// #     let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    /// #     let mut a = summarize("x.json", &d, &[], &RollupOptions { year: 2026, today });
    /// #     a.province = Some("Ninh Bình".into());
    /// #     a.english_name = english.map(str::to_owned);
    /// #     a
    /// # }
    /// use qms_core::Lang;
    /// let a = summary("Sở Tư pháp tỉnh Ninh Bình", None);
    /// assert_eq!(a.short_name_in(Lang::Vi), "Sở Tư pháp");
    /// let c = summary("Ủy ban nhân dân xã An Bình", Some("People's Committee of An Binh Commune"));
    /// assert_eq!(c.short_name_in(Lang::Vi), "UBND xã An Bình");
    /// assert_eq!(c.short_name_in(Lang::En), "An Binh Commune");
    /// ```
    pub fn short_name_in(&self, lang: crate::Lang) -> String {
        short_name(
            &self.name,
            self.english_name.as_deref(),
            self.province.as_deref(),
            lang,
        )
    }

    /// The name under a heading that already names the kind: "xã An Bình" under "UBND xã"
    /// (the committee is understood), the short name otherwise (see
    /// [`Self::short_name_in`]).
    pub fn name_under_kind_in(&self, lang: crate::Lang) -> String {
        let name = self.short_name_in(lang);
        match self.kind {
            AgencyKind::Commune | AgencyKind::Ward | AgencyKind::SpecialZone => name
                .strip_prefix("UBND ")
                .filter(|rest| !rest.is_empty())
                .map_or(name.clone(), str::to_owned),
            _ => name,
        }
    }
}

/// An agency's name as a provincial report lists it (see [`AgencySummary::short_name_in`]):
/// "Ủy ban nhân dân" shortened to "UBND", " tỉnh {province}" dropped from the end, and in
/// English the English name without "People's Committee of".
pub(crate) fn short_name(
    name: &str,
    english: Option<&str>,
    province: Option<&str>,
    lang: crate::Lang,
) -> String {
    if let (crate::Lang::En, Some(en)) = (lang, english) {
        let en = en.trim();
        return ["People's Committee of ", "People’s Committee of "]
            .iter()
            .find_map(|p| en.strip_prefix(p))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(en)
            .to_owned();
    }
    let name = name.trim();
    let name = match name.strip_prefix("Ủy ban nhân dân ") {
        Some(rest) if !rest.is_empty() => format!("UBND {rest}"),
        _ => name.to_owned(),
    };
    match province {
        Some(p) => name
            .strip_suffix(&format!(" tỉnh {p}"))
            .filter(|rest| !rest.is_empty())
            .map_or(name.clone(), str::to_owned),
        None => name,
    }
}

impl AgencySummary {
    /// Whether a yearly requirement is met.
    pub fn meets(&self, r: Requirement) -> bool {
        match r {
            Requirement::AuditWithin12Months => self.audit_within_12_months,
            Requirement::ReviewWithin12Months => self.review_within_12_months,
            Requirement::AnnouncementCurrent => {
                self.announced.is_some() && !self.reannouncement_due
            }
            Requirement::Edition2015 => self.edition == Edition::Iso9001_2015,
            Requirement::TrainedAuditor => self.trained_auditors > 0,
        }
    }

    /// The yearly requirements not met, in report order.
    pub fn failures(&self) -> Vec<Requirement> {
        Requirement::ALL
            .into_iter()
            .filter(|r| !self.meets(*r))
            .collect()
    }

    /// Nonconformities of every grade found in the year.
    pub fn nonconformities(&self) -> u32 {
        FindingKind::ALL
            .iter()
            .zip(self.findings)
            .filter(|(k, _)| k.is_nonconformity())
            .map(|(_, n)| n)
            .sum()
    }
}

/// The year a dossier's activity belongs to: the year of its latest audit or management
/// review, else of its latest audit programme; `None` for a dossier with none of these.
///
/// ```
/// let d = qms_core::Dossier::new("x", "UBND xã An Bình");
/// assert_eq!(qms_core::rollup::dossier_year(&d), None);
/// ```
pub fn dossier_year(d: &Dossier) -> Option<i32> {
    let activity = d
        .audits
        .iter()
        .map(|a| a.plan.end)
        .chain(d.management_reviews.iter().map(|r| r.meeting.date))
        .max();
    activity
        .map(|x| x.year())
        .or_else(|| d.programmes.iter().map(|p| p.year).max())
}

/// Computes the row of one agency from its dossier and the diagnostics of
/// [`crate::rules::check`] run as of [`RollupOptions::as_of`].
///
/// ```
/// use qms_core::rollup::{RollupOptions, summarize};
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// let row = summarize("hoa-binh.json", &d, &diags, &RollupOptions { year: 2026, today });
/// assert_eq!(row.kind, qms_core::model::AgencyKind::Commune);
/// assert!(!row.audit_within_12_months);
/// ```
pub fn summarize(
    source: &str,
    d: &Dossier,
    diags: &[Diagnostic],
    opts: &RollupOptions,
) -> AgencySummary {
    let as_of = opts.as_of();
    let year_ago = as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let within = |x: Option<NaiveDate>| x.is_some_and(|x| x >= year_ago && x <= as_of);
    let last_audit = d.audits.iter().map(|a| a.plan.end).max();
    let last_review = d.management_reviews.iter().map(|r| r.meeting.date).max();
    let announced = d
        .announcements
        .iter()
        .max_by_key(|a| a.date)
        .map(|a| (a.date, a.decision_number.clone()));
    let reannouncement_due = crate::rules::changes_since_announcement(d)
        .is_some_and(|(_, changes, _)| !changes.is_empty());

    let mut findings = [0u32; 6];
    let mut audits_in_year = 0;
    for a in d.audits.iter().filter(|a| a.plan.end.year() == opts.year) {
        audits_in_year += 1;
        for f in &a.findings {
            if let Some(n) = FindingKind::ALL
                .iter()
                .position(|k| *k == f.kind)
                .and_then(|k| findings.get_mut(k))
            {
                *n += 1;
            }
        }
    }

    let (mut open, mut overdue, mut effective) = (0, 0, 0);
    for ca in &d.corrective_actions {
        if !ca.state.is_final() {
            open += 1;
            if ca
                .actions
                .iter()
                .any(|s| s.completed_on.is_none() && s.due < as_of)
            {
                overdue += 1;
            }
        } else if ca.state == CaState::Closed
            && ca.verification.as_ref().is_some_and(|v| v.effective)
        {
            effective += 1;
        }
    }

    let (mut objectives, mut measurable, mut met) = (0, 0, 0);
    for o in d
        .quality_objectives
        .iter()
        .filter(|o| o.year.is_none_or(|y| y == opts.year))
    {
        objectives += 1;
        let target = o
            .target
            .as_ref()
            .filter(|t| t.unit.as_deref().is_some_and(|u| !u.trim().is_empty()));
        if let Some(t) = target
            && o.period.is_some()
        {
            measurable += 1;
            // What was known on the roll-up's reference day: a later measurement is not.
            let latest = o
                .measurements
                .iter()
                .filter(|m| m.period_end <= opts.as_of())
                .max_by_key(|m| m.period_end);
            if latest.is_some_and(|m| t.is_met(m.value)) {
                met += 1;
            }
        }
    }

    let trained_auditors = count(d, |k, _| k == TrainingKind::InternalAuditor);
    let awareness_trained = count(d, |k, date| {
        k == TrainingKind::Awareness && date.year() == opts.year
    });

    let mut rules: Vec<(&'static str, u32)> = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    for x in diags {
        match x.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => {}
        }
        match rules.iter_mut().find(|(c, _)| *c == x.code) {
            Some((_, n)) => *n += 1,
            None => rules.push((x.code, 1)),
        }
    }
    let order = |c: &str| crate::rules::RULES.iter().position(|r| r.code == c);
    rules.sort_by_key(|(c, _)| order(c));
    let most_serious = diags
        .iter()
        .filter(|x| x.severity != Severity::Info)
        .min_by_key(|x| (x.severity, order(x.code)))
        .map(|x| {
            // Quoted in the roll-up the inspector signs: names, never the dossier's ids.
            let date = |x: NaiveDate| x.format("%d/%m/%Y").to_string();
            // It stands alone in its cell, as a sentence: a capital first letter.
            let sentence = |lang| capitalised(&crate::rules::document_message(d, x, lang, &date));
            (x.code, sentence(crate::Lang::Vi), sentence(crate::Lang::En))
        });

    // Trimmed, and absent when blank.
    fn nonblank(o: &Option<String>) -> Option<String> {
        o.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    }
    AgencySummary {
        source: source.to_owned(),
        id: d.id.clone(),
        name: d.agency.name.clone(),
        english_name: nonblank(&d.english.agency),
        kind: d.agency.kind_or_inferred(),
        place: nonblank(&d.agency.place),
        province: super::province_of(&d.agency),
        grouping: nonblank(&d.agency.grouping),
        edition: d.scope.edition,
        year: dossier_year(d),
        announced,
        reannouncement_due,
        last_audit,
        last_review,
        audit_within_12_months: within(last_audit),
        review_within_12_months: within(last_review),
        audits_in_year,
        findings,
        actions_open: open,
        actions_overdue: overdue,
        actions_closed_effective: effective,
        objectives,
        objectives_measurable: measurable,
        objectives_met: met,
        trained_auditors,
        awareness_trained,
        errors,
        warnings,
        most_serious,
        rules,
    }
}

/// People with at least one training record that matches.
fn count(d: &Dossier, matches: impl Fn(TrainingKind, NaiveDate) -> bool) -> u32 {
    d.people
        .iter()
        .filter(|p| p.training.iter().any(|t| matches(t.kind, t.date)))
        .count() as u32
}

/// The text with its first letter in capitals: "the 2025 audit programme …" → "The 2025 …".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod capital_tests {
    use super::capitalised;

    #[test]
    fn a_quoted_message_starts_as_a_sentence() {
        assert_eq!(
            capitalised("the 2025 audit programme"),
            "The 2025 audit programme"
        );
        assert_eq!(capitalised("đánh giá viên"), "Đánh giá viên");
        assert_eq!(capitalised("Already"), "Already");
        assert_eq!(capitalised(""), "");
    }
}
