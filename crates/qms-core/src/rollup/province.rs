//! The province view (tổng hợp toàn tỉnh): the agencies' rows, what could not be rolled up and
//! why, totals by agency kind and grouping, the agencies failing the yearly requirements, and
//! the common shortcomings (tồn tại, hạn chế) by rule.

use super::{AgencySummary, Rejected, Rejection, Requirement, RollupOptions};
use crate::Lang;
use crate::model::AgencyKind;
use crate::rules::find_rule;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Whether two spellings name the same province ("Ninh Bình", "NINH BÌNH", "tỉnh Ninh Bình").
///
/// ```
/// assert!(qms_core::rollup::same_province("tỉnh NINH BÌNH", "Ninh Bình"));
/// assert!(!qms_core::rollup::same_province("Ninh Bình", "Đồng Tháp"));
/// ```
pub fn same_province(a: &str, b: &str) -> bool {
    let bare = |s: &str| {
        let l = s.trim().to_lowercase();
        ["tỉnh ", "thành phố "]
            .iter()
            .find_map(|p| l.strip_prefix(p).map(str::to_owned))
            .unwrap_or(l)
    };
    bare(a) == bare(b)
}

/// Counts over a set of agencies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Agencies.
    pub agencies: u32,
    /// With an internal audit within 12 months.
    pub audit_ok: u32,
    /// With a management review within 12 months.
    pub review_ok: u32,
    /// That announced their QMS.
    pub announced: u32,
    /// Whose scope changed since the announcement.
    pub reannouncement_due: u32,
    /// Still on the 2008 edition.
    pub edition_2008: u32,
    /// Without a trained internal auditor.
    pub no_trained_auditor: u32,
    /// Failing at least one yearly requirement.
    pub failing: u32,
    /// Audits in the year.
    pub audits_in_year: u32,
    /// Findings by kind.
    pub findings: [u32; 6],
    /// Corrective actions open.
    pub actions_open: u32,
    /// Open and overdue.
    pub actions_overdue: u32,
    /// Closed and verified effective.
    pub actions_closed_effective: u32,
    /// Quality objectives.
    pub objectives: u32,
    /// Measurable objectives.
    pub objectives_measurable: u32,
    /// Objectives met.
    pub objectives_met: u32,
    /// Trained internal auditors.
    pub trained_auditors: u32,
    /// People trained in awareness this year.
    pub awareness_trained: u32,
    /// Check errors.
    pub errors: u32,
    /// Check warnings.
    pub warnings: u32,
}

impl Tally {
    fn add(&mut self, a: &AgencySummary) {
        self.agencies += 1;
        self.audit_ok += u32::from(a.audit_within_12_months);
        self.review_ok += u32::from(a.review_within_12_months);
        self.announced += u32::from(a.announced.is_some());
        self.reannouncement_due += u32::from(a.reannouncement_due);
        self.edition_2008 += u32::from(a.edition == crate::Edition::Iso9001_2008);
        self.no_trained_auditor += u32::from(a.trained_auditors == 0);
        self.failing += u32::from(!a.failures().is_empty());
        self.audits_in_year += a.audits_in_year;
        for (t, n) in self.findings.iter_mut().zip(a.findings) {
            *t += n;
        }
        self.actions_open += a.actions_open;
        self.actions_overdue += a.actions_overdue;
        self.actions_closed_effective += a.actions_closed_effective;
        self.objectives += a.objectives;
        self.objectives_measurable += a.objectives_measurable;
        self.objectives_met += a.objectives_met;
        self.trained_auditors += a.trained_auditors;
        self.awareness_trained += a.awareness_trained;
        self.errors += a.errors;
        self.warnings += a.warnings;
    }
}

/// A rule that many agencies break (a common shortcoming).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortcoming {
    /// The rule code, e.g. "QMS-O001".
    pub code: &'static str,
    /// The rule's title in Vietnamese.
    pub title_vi: &'static str,
    /// The rule's title in English.
    pub title_en: &'static str,
    /// The agencies concerned (indices into [`Province::agencies`]), in input order.
    pub agencies: Vec<usize>,
    /// By agency kind: (kind, agencies concerned, agencies of that kind).
    pub by_kind: Vec<(AgencyKind, u32, u32)>,
}

impl Shortcoming {
    /// The title in a language.
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_vi, self.title_en)
    }

    /// "2/20 sở, ban, ngành; 12/96 UBND xã": how many of each kind.
    pub fn counts(&self, lang: Lang) -> String {
        let of = lang.pick("/", " of ");
        self.by_kind
            .iter()
            .map(|(k, n, total)| format!("{n}{of}{total} {}", kind_noun(*k, *total, lang)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The kind as counted in a sentence: "12/96 UBND xã", "1 commune", "2 communes".
///
/// ```
/// use qms_core::{Lang, model::AgencyKind, rollup::kind_noun};
/// assert_eq!(kind_noun(AgencyKind::Ward, 1, Lang::En), "ward");
/// assert_eq!(kind_noun(AgencyKind::Ward, 2, Lang::En), "wards");
/// assert_eq!(kind_noun(AgencyKind::Department, 1, Lang::En), "department or sector");
/// ```
pub fn kind_noun(kind: AgencyKind, n: u32, lang: Lang) -> &'static str {
    if n != 1 || lang == Lang::Vi {
        return kind_plural(kind, lang);
    }
    match kind {
        AgencyKind::Department => "department or sector",
        AgencyKind::Commune => "commune",
        AgencyKind::Ward => "ward",
        AgencyKind::SpecialZone => "special zone",
        AgencyKind::Other => "other agency",
    }
}

/// The kind as counted in a sentence for several ("12/96 UBND xã"); see [`kind_noun`].
pub fn kind_plural(kind: AgencyKind, lang: Lang) -> &'static str {
    match kind {
        AgencyKind::Department => lang.pick("sở, ban, ngành", "departments and sectors"),
        AgencyKind::Commune => lang.pick("UBND xã", "communes"),
        AgencyKind::Ward => lang.pick("UBND phường", "wards"),
        AgencyKind::SpecialZone => lang.pick("UBND đặc khu", "special zones"),
        AgencyKind::Other => lang.pick("cơ quan khác", "other agencies"),
    }
}

/// The roll-up of a province's dossiers.
///
/// ```
/// use qms_core::rollup::{Province, RollupOptions, summarize};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let opts = RollupOptions { year: 2026, today };
/// let mut p = Province::new(opts);
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// p.add(summarize("a.json", &d, &diags, &opts));
/// p.add(summarize("b.json", &d, &diags, &opts));
/// p.reject("c.json", "not JSON".into());
/// assert_eq!(p.agencies.len(), 1);
/// assert_eq!(p.rejected.len(), 2); // the duplicate and the broken file
/// assert_eq!(p.tally(|_| true).audit_ok, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Province {
    /// The inspected year.
    pub year: i32,
    /// The date of the roll-up.
    pub today: chrono::NaiveDate,
    /// The date the year is judged at (see [`RollupOptions::as_of`]).
    pub as_of: chrono::NaiveDate,
    /// The agencies rolled up, in input order.
    pub agencies: Vec<AgencySummary>,
    /// What was left out, in input order (those of another province last).
    pub rejected: Vec<Rejected>,
    #[serde(skip)]
    ids: HashMap<String, usize>,
}

impl Province {
    /// An empty roll-up.
    pub fn new(opts: RollupOptions) -> Province {
        Province {
            year: opts.year,
            today: opts.today,
            as_of: opts.as_of(),
            agencies: Vec::new(),
            rejected: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// Adds an agency's row; call in input order, so the first file of a duplicated agency is
    /// the one counted. A row of another year, or of an agency already added, is rejected.
    pub fn add(&mut self, row: AgencySummary) {
        if let Some(y) = row.year.filter(|y| *y != self.year) {
            self.rejected.push(Rejected {
                source: row.source,
                reason: Rejection::OtherYear {
                    id: row.id,
                    name: row.name,
                    english_name: row.english_name,
                    year: y,
                    province: row.province,
                },
            });
            return;
        }
        if let Some(&first) = self.ids.get(&row.id) {
            self.rejected.push(Rejected {
                source: row.source,
                reason: Rejection::Duplicate {
                    id: row.id,
                    name: row.name,
                    english_name: row.english_name,
                    first: self
                        .agencies
                        .get(first)
                        .map(|a| a.source.clone())
                        .unwrap_or_default(),
                },
            });
            return;
        }
        self.ids.insert(row.id.clone(), self.agencies.len());
        self.agencies.push(row);
    }

    /// Leaves out the agencies of another province: `place` when the issuer names it, else
    /// the one most agencies belong to ([`Province::place`]). An agency whose province the
    /// dossier does not say stays. A dossier of another year from another province is
    /// reported as of another province, the reason that matters to the issuer. Call once,
    /// after the last [`Province::add`].
    ///
    /// ```
    /// use qms_core::rollup::{Province, Rejection, RollupOptions, summarize};
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    /// let opts = RollupOptions { year: 2026, today };
    /// let mut p = Province::new(opts);
    /// for (id, address) in [("a", "xã A, tỉnh Ninh Bình"), ("b", "xã B, tỉnh Ninh Bình"),
    ///                       ("c", "phường C, tỉnh Đồng Tháp")] {
    ///     let mut d = qms_core::starter::starter_dossier(&format!("UBND xã {id}"));
    ///     d.id = id.into();
    ///     d.agency.address = Some(address.into());
    ///     p.add(summarize(&format!("{id}.json"), &d, &[], &opts));
    /// }
    /// p.keep_province(None);
    /// assert_eq!(p.agencies.len(), 2);
    /// assert!(matches!(&p.rejected[0].reason,
    ///     Rejection::OtherProvince { province, .. } if province == "Đồng Tháp"));
    /// ```
    pub fn keep_province(&mut self, place: Option<&str>) {
        let Some(place) = place
            .map(str::to_owned)
            .or_else(|| self.place().map(str::to_owned))
        else {
            return;
        };
        let elsewhere =
            |p: &Option<String>| p.as_deref().is_some_and(|p| !same_province(p, &place));
        for r in &mut self.rejected {
            if let Rejection::OtherYear {
                id,
                name,
                english_name,
                province: province @ Some(_),
                ..
            } = &mut r.reason
                && elsewhere(province)
            {
                r.reason = Rejection::OtherProvince {
                    id: std::mem::take(id),
                    name: std::mem::take(name),
                    english_name: english_name.take(),
                    province: province.take().unwrap_or_default(),
                };
            }
        }
        let (kept, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut self.agencies)
            .into_iter()
            .partition(|a| !elsewhere(&a.province));
        self.agencies = kept;
        self.ids = self
            .agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for a in gone {
            self.rejected.push(Rejected {
                source: a.source,
                reason: Rejection::OtherProvince {
                    id: a.id,
                    name: a.name,
                    english_name: a.english_name,
                    province: a.province.unwrap_or_default(),
                },
            });
        }
    }

    /// Records a dossier that could not be read.
    pub fn reject(&mut self, source: &str, error: String) {
        self.rejected.push(Rejected {
            source: source.to_owned(),
            reason: Rejection::Unreadable { error },
        });
    }

    /// Inputs that were not readable (the command's exit status says so).
    pub fn unreadable(&self) -> usize {
        self.rejected_by_reason()[0]
    }

    /// How many dossiers were left out for each reason, in [`Rejection::order`]: unreadable,
    /// duplicate, another year, another province.
    pub fn rejected_by_reason(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for r in &self.rejected {
            if let Some(slot) = n.get_mut(usize::from(r.reason.order())) {
                *slot += 1;
            }
        }
        n
    }

    /// Counts over the agencies that `filter` keeps.
    pub fn tally(&self, filter: impl Fn(&AgencySummary) -> bool) -> Tally {
        let mut t = Tally::default();
        for a in self.agencies.iter().filter(|a| filter(a)) {
            t.add(a);
        }
        t
    }

    /// Counts by agency kind, for the kinds present, in [`AgencyKind::ALL`] order.
    pub fn by_kind(&self) -> Vec<(AgencyKind, Tally)> {
        AgencyKind::ALL
            .into_iter()
            .map(|k| (k, self.tally(|a| a.kind == k)))
            .filter(|(_, t)| t.agencies > 0)
            .collect()
    }

    /// Counts by the province's grouping, in name order; agencies without one are left out.
    pub fn by_grouping(&self) -> Vec<(String, Tally)> {
        let mut map: BTreeMap<&str, Tally> = BTreeMap::new();
        for a in &self.agencies {
            if let Some(g) = &a.grouping {
                map.entry(g).or_default().add(a);
            }
        }
        map.into_iter().map(|(g, t)| (g.to_owned(), t)).collect()
    }

    /// The agencies failing at least one yearly requirement, with the requirements failed.
    pub fn failing(&self) -> Vec<(&AgencySummary, Vec<Requirement>)> {
        self.agencies
            .iter()
            .map(|a| (a, a.failures()))
            .filter(|(_, f)| !f.is_empty())
            .collect()
    }

    /// Every rule broken by at least one agency, most agencies first (then in rule order).
    pub fn shortcomings(&self) -> Vec<Shortcoming> {
        let kinds: Vec<(AgencyKind, u32)> = self
            .by_kind()
            .into_iter()
            .map(|(k, t)| (k, t.agencies))
            .collect();
        let mut out: Vec<Shortcoming> = Vec::new();
        for rule in crate::rules::RULES {
            let agencies: Vec<usize> = self
                .agencies
                .iter()
                .enumerate()
                .filter(|(_, a)| a.rules.iter().any(|(c, _)| *c == rule.code))
                .map(|(i, _)| i)
                .collect();
            if agencies.is_empty() {
                continue;
            }
            let by_kind = kinds
                .iter()
                .map(|(k, total)| {
                    let n = agencies
                        .iter()
                        .filter(|i| self.agencies.get(**i).is_some_and(|a| a.kind == *k))
                        .count() as u32;
                    (*k, n, *total)
                })
                .filter(|(_, n, _)| *n > 0)
                .collect();
            out.push(Shortcoming {
                code: rule.code,
                title_vi: rule.title_vi,
                title_en: rule.title_en,
                agencies,
                by_kind,
            });
        }
        // A stable sort keeps rule order among equal counts.
        out.sort_by_key(|s| std::cmp::Reverse(s.agencies.len()));
        out
    }

    /// The province most agencies belong to (for the report's header and date line), if any:
    /// from each agency's managing body or address (see [`super::province_of`]), never from a
    /// commune's or ward's own place name.
    pub fn place(&self) -> Option<&str> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for a in &self.agencies {
            if let Some(p) = &a.province {
                *counts.entry(p).or_default() += 1;
            }
        }
        // Ties go to the first name in sort order, so the answer does not depend on input order.
        let best = counts.values().copied().max()?;
        counts.into_iter().find(|(_, n)| *n == best).map(|(p, _)| p)
    }

    /// The quarter by which the agencies are asked to report their remedies: the first
    /// quarter after the inspected year, or the quarter after the roll-up's if that is later
    /// (a deadline is never already past on the report's date). (quarter, year).
    ///
    /// ```
    /// use qms_core::rollup::{Province, RollupOptions};
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let p = Province::new(RollupOptions { year: 2025, today: day(2025, 12, 20) });
    /// assert_eq!(p.remedy_quarter(), (1, 2026));
    /// let late = Province::new(RollupOptions { year: 2025, today: day(2026, 12, 1) });
    /// assert_eq!(late.remedy_quarter(), (1, 2027));
    /// assert_eq!(late.next_round_year(), 2027);
    /// ```
    pub fn remedy_quarter(&self) -> (u32, i32) {
        use chrono::Datelike;
        let after_today = if self.today.month() > 9 {
            (1, self.today.year() + 1)
        } else {
            ((self.today.month() - 1) / 3 + 2, self.today.year())
        };
        let after_year = (1, self.year + 1);
        // Compare as (year, quarter).
        if (after_today.1, after_today.0) > (after_year.1, after_year.0) {
            after_today
        } else {
            after_year
        }
    }

    /// The year of the next round of inspections: the year after the inspected one, or the
    /// year of [`Province::remedy_quarter`] if later.
    pub fn next_round_year(&self) -> i32 {
        self.remedy_quarter().1.max(self.year + 1)
    }

    /// The title of a rule code, for tables.
    pub fn rule_title(code: &str, lang: Lang) -> &'static str {
        find_rule(code).map_or("", |r| r.title(lang))
    }
}
