//! What every document needs while it is written: the dossier, the language, the layout, and
//! the look-ups and formats of names, clauses and dates.

use crate::RenderOptions;
use chrono::{Datelike, NaiveDate};
use qms_core::model::{Audit, CorrectiveAction, Finding, Person, Role, TimeOfDay};
use qms_core::{Dossier, Lang, catalog};
use std::cell::Cell;

/// The rendering context.
pub(crate) struct Ctx<'a> {
    pub(crate) d: &'a Dossier,
    pub(crate) lang: Lang,
    pub(crate) opts: &'a RenderOptions,
    /// Records of the growing collections (findings, corrective actions) visited so far
    /// through [`Ctx::findings`] and [`Ctx::actions`]: a count of work that must grow in
    /// proportion to the data (a scan of every action per finding made it quadratic).
    visits: Cell<u64>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(d: &'a Dossier, opts: &'a RenderOptions) -> Ctx<'a> {
        Ctx {
            d,
            lang: opts.lang,
            opts,
            visits: Cell::new(0),
        }
    }

    /// The findings of an audit, each counted as a visit.
    pub(crate) fn findings(&self, audit: &'a Audit) -> impl Iterator<Item = &'a Finding> + '_ {
        audit.findings.iter().inspect(|_| self.visit())
    }

    /// The corrective actions of the dossier, each counted as a visit: join them to findings
    /// through an index built once, never with a scan per finding.
    pub(crate) fn actions(&self) -> impl Iterator<Item = &'a CorrectiveAction> + '_ {
        self.d.corrective_actions.iter().inspect(|_| self.visit())
    }

    /// Counts one record visited.
    pub(crate) fn visit(&self) {
        self.visits.set(self.visits.get() + 1);
    }

    /// Records visited so far (see the field).
    #[cfg(test)]
    pub(crate) fn visits(&self) -> u64 {
        self.visits.get()
    }

    /// Vietnamese or English.
    pub(crate) fn t(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }

    /// Width of the text area in twips.
    pub(crate) fn width(&self) -> u32 {
        self.opts.layout.text_width()
    }

    /// Table columns of the text width in proportion to `parts`, widened where a word of a
    /// heading (`heads[i]`, in this document's language) would not fit on one line.
    pub(crate) fn fit_columns(&self, parts: &[u32], heads: &[&str]) -> Vec<u32> {
        let texts: Vec<[&str; 1]> = heads.iter().map(|h| [*h]).collect();
        let texts: Vec<&[&str]> = texts.iter().map(|t| &t[..]).collect();
        crate::measure::fit_columns(
            crate::wml::columns(self.width(), parts),
            &texts,
            crate::styles::cell_half_points(&self.opts.layout),
        )
    }

    /// A person's name; the id itself when the dossier does not know it (validation reports
    /// that; the document still shows what was written).
    pub(crate) fn person(&self, id: &str) -> String {
        self.d
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// The agency's name in the document's language (English when the dossier gives it).
    pub(crate) fn agency_name(&self) -> &str {
        match (self.lang, self.d.english.agency.as_deref()) {
            (Lang::En, Some(n)) if !n.trim().is_empty() => n,
            _ => &self.d.agency.name,
        }
    }

    /// The agency's name as a sentence runs it: in English, its English name takes the
    /// article ("the People's Committee of My Tho Ward held the meeting"), a Vietnamese name
    /// (no English one given) does not; in Vietnamese, the name. `opening` capitalises the
    /// article for the start of a sentence.
    pub(crate) fn agency_in_text(&self, opening: bool) -> String {
        let name = self.agency_name();
        let english = self.lang == Lang::En
            && self
                .d
                .english
                .agency
                .as_deref()
                .is_some_and(|n| !n.trim().is_empty());
        let has_article = name
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("the "));
        if english && !has_article {
            format!("{} {name}", if opening { "The" } else { "the" })
        } else {
            name.to_owned()
        }
    }

    /// The governing body above the agency, in the document's language.
    pub(crate) fn agency_parent(&self) -> Option<&str> {
        match (self.lang, self.d.english.parent.as_deref()) {
            (Lang::En, Some(n)) if !n.trim().is_empty() => Some(n),
            _ => self.d.agency.parent.as_deref(),
        }
    }

    /// "Name – Position" or the name alone.
    pub(crate) fn person_position(&self, id: &str) -> String {
        if self.lang == Lang::En
            && let (Some(p), Some(pos)) = (self.d.person(id), self.d.english.position(id))
        {
            return format!("{} – {pos}", p.name);
        }
        match self.d.person(id) {
            Some(Person {
                name,
                position: Some(pos),
                ..
            }) => format!("{name} – {pos}"),
            Some(p) => p.name.clone(),
            None => id.to_owned(),
        }
    }

    /// A person's position in the document's language: the English one the dossier gives in
    /// English documents, else the recorded one.
    pub(crate) fn position_of(&self, p: &Person) -> Option<&'a str> {
        let english = match self.lang {
            Lang::En => self.d.english.position(&p.id),
            Lang::Vi => None,
        };
        english.or_else(|| {
            self.d
                .person(&p.id)
                .and_then(|q| q.position.as_deref())
                .filter(|s| !s.trim().is_empty())
        })
    }

    /// The title a person signs for the agency with: their position up to the first comma
    /// ("Phó Chủ tịch UBND xã, Đại diện lãnh đạo về chất lượng" signs as "PHÓ CHỦ TỊCH UBND
    /// XÃ": a QMS role is not an office, Decree 30/2020 prints the office above the signature).
    ///
    /// An English document without the person's English position names the head and a deputy
    /// by their role ("HEAD OF THE AGENCY"): a Vietnamese office under an English heading
    /// reads as a half-translated page. Anyone else keeps the recorded office.
    pub(crate) fn office_of(&self, p: &Person) -> Option<&'a str> {
        if self.lang == Lang::En && self.d.english.position(&p.id).is_none() {
            // The usual English titles of the head and deputies of each kind of agency, as
            // the provinces' English pages give them; the dossier's `english.positions`
            // overrides them. "Chairperson": the dossier does not say whether the head is a
            // Chairman or a Chairwoman, and a wrong guess is worse than the neutral word.
            use qms_core::model::AgencyKind;
            let (head, deputy) = match self.d.agency.kind_or_inferred() {
                AgencyKind::Department => ("Director", "Deputy Director"),
                AgencyKind::Commune => (
                    "Chairperson of the Commune People’s Committee",
                    "Vice Chairperson of the Commune People’s Committee",
                ),
                AgencyKind::Ward => (
                    "Chairperson of the Ward People’s Committee",
                    "Vice Chairperson of the Ward People’s Committee",
                ),
                AgencyKind::SpecialZone => (
                    "Chairperson of the Special Zone People’s Committee",
                    "Vice Chairperson of the Special Zone People’s Committee",
                ),
                AgencyKind::Other => ("Head of the agency", "Deputy head of the agency"),
            };
            if p.has_role(Role::Head) {
                return Some(head);
            }
            if p.has_role(Role::DeputyHead) {
                return Some(deputy);
            }
        }
        self.position_of(p)
            .map(|pos| pos.split(',').next().unwrap_or(pos).trim())
            .filter(|pos| !pos.is_empty())
    }

    /// "Name – Position (Unit)"; the unit is left out when the position already names it
    /// ("Chánh Văn phòng Sở" needs no "(Văn phòng Sở)").
    pub(crate) fn person_at(&self, id: &str, unit: &str) -> String {
        let unit = self.unit(unit);
        let who = self.person_position(id);
        let position = self
            .d
            .person(id)
            .and_then(|p| self.position_of(p))
            .unwrap_or("");
        if position.to_lowercase().contains(&unit.to_lowercase()) {
            who
        } else {
            format!("{who} ({unit})")
        }
    }

    /// A unit's name, or the id when unknown.
    pub(crate) fn unit(&self, id: &str) -> String {
        if self.lang == Lang::En
            && let Some(n) = self.d.english.unit(id)
        {
            return n.to_owned();
        }
        self.d
            .unit(id)
            .map_or_else(|| id.to_owned(), |u| u.name.clone())
    }

    /// The first person with a role.
    pub(crate) fn with_role(&self, role: Role) -> Option<&'a Person> {
        self.d.people.iter().find(|p| p.has_role(role))
    }

    /// "7.5.3 Kiểm soát thông tin dạng văn bản" (number alone when unknown).
    pub(crate) fn clause(&self, id: &str) -> String {
        match catalog::find(self.d.scope.edition, id) {
            Some(c) => format!("{id} {}", c.title(self.lang)),
            None => id.to_owned(),
        }
    }

    /// Clause numbers joined: "7.5.3; 8.1".
    pub(crate) fn clause_ids(ids: &[String]) -> String {
        ids.join("; ")
    }

    /// "QT-01 Quy trình ..." for a procedure id.
    pub(crate) fn procedure(&self, id: &str) -> String {
        self.d
            .procedures
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| format!("{} {}", p.code, p.title))
    }

    /// Procedure codes joined: "QT-01, QT-05".
    pub(crate) fn procedure_codes(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                self.d
                    .procedures
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or(id.as_str(), |p| p.code.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "ngày 05 tháng 02 năm 2026": day below 10 and months 1–2 get a leading zero, as
    /// Decree 30/2020 asks (so nobody can add a digit); "5 February 2026" in English.
    pub(crate) fn long_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::Vi => {
                let month = if date.month() <= 2 {
                    format!("{:02}", date.month())
                } else {
                    date.month().to_string()
                };
                format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
            }
            Lang::En => date.format("%-d %B %Y").to_string(),
        }
    }

    /// "từ ngày 05 tháng 3 năm 2026 đến ngày 06 tháng 3 năm 2026", or one date for one day.
    pub(crate) fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.long_date(start);
        }
        format!(
            "{} {} {} {}",
            self.t("từ", "from"),
            self.long_date(start),
            self.t("đến", "to"),
            self.long_date(end)
        )
    }

    /// "Ninh Bình, ngày 05 tháng 02 năm 2026".
    pub(crate) fn date_line(&self, date: NaiveDate) -> String {
        match self.d.agency.place.as_deref() {
            Some(place) if !place.trim().is_empty() => format!("{place}, {}", self.long_date(date)),
            _ => {
                let s = self.long_date(date);
                // Without a place the line starts with the date: capitalise it.
                let mut c = s.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            }
        }
    }

    /// A date in a table or a form field: "05/02/2026" in Vietnamese (dd/mm/yyyy, as offices
    /// fill forms); in English the one style of the English documents, "5 February 2026", so
    /// no reader has to guess which number is the month.
    pub(crate) fn short_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::Vi => date.format("%d/%m/%Y").to_string(),
            Lang::En => date.format("%-d %B %Y").to_string(),
        }
    }

    /// "08 giờ 00" / "08:00".
    pub(crate) fn time(&self, t: TimeOfDay) -> String {
        match self.lang {
            Lang::Vi => format!("{:02} giờ {:02}", t.hour(), t.minute()),
            Lang::En => t.to_string(),
        }
    }

    /// "Số: 05/KH-SKHCN"; without a number the văn thư fills it in by hand at issue, so the
    /// line keeps a blank before the symbol: "Số:      /KH-SKHCN".
    pub(crate) fn number_line(&self, number: Option<&str>, type_symbol: &str) -> String {
        let label = self.t("Số", "No.");
        match number {
            Some(n) if !n.trim().is_empty() => format!("{label}: {}", n.trim()),
            _ => match self.d.agency.symbol.as_deref() {
                Some(sym) if !sym.trim().is_empty() => {
                    format!("{label}:        /{type_symbol}-{}", sym.trim())
                }
                _ => format!("{label}:        /{type_symbol}"),
            },
        }
    }

    /// A phrase that runs into a title from the dossier: "Kết quả đánh giá nội bộ đợt 1" in
    /// Vietnamese (the title joins the sentence, lower-cased), "Results: Đánh giá ..." in
    /// English, where the Vietnamese title cannot join an English sentence.
    pub(crate) fn lead_in(&self, vi: &str, en: &str, title: &str) -> String {
        match self.lang {
            Lang::Vi => format!("{vi} {}", lower_first(title)),
            Lang::En => format!("{en}: {title}"),
        }
    }

    /// An audit's title in the document's language ([`Audit::title_in`]).
    pub(crate) fn audit_title(&self, audit: &Audit) -> String {
        audit.title_in(&self.d.english, self.lang)
    }

    /// The edition title, e.g. "TCVN ISO 9001:2015".
    pub(crate) fn edition(&self) -> &'static str {
        self.d.scope.edition.title()
    }
}

/// A short label for a person's QMS role, for signature lines when no position is recorded.
pub(crate) fn role_title(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Head => lang.pick("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE AGENCY"),
        Role::DeputyHead => lang.pick("PHÓ THỦ TRƯỞNG CƠ QUAN", "DEPUTY HEAD OF THE AGENCY"),
        Role::QualityRepresentative => {
            lang.pick("ĐẠI DIỆN LÃNH ĐẠO VỀ CHẤT LƯỢNG", "QUALITY REPRESENTATIVE")
        }
        Role::IsoSecretary => lang.pick("THƯ KÝ ISO", "ISO SECRETARY"),
        Role::SteeringCommittee => lang.pick("BAN CHỈ ĐẠO ISO", "ISO STEERING COMMITTEE"),
        Role::InternalAuditor => lang.pick("CHUYÊN GIA ĐÁNH GIÁ", "INTERNAL AUDITOR"),
    }
}

/// "Đánh giá nội bộ đợt 1" → "đánh giá nội bộ đợt 1", to follow words like "Kết quả".
pub(crate) fn lower_first(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A measured value: "98,5" in Vietnamese (decimal comma), "98.5" in English; whole numbers
/// without decimals.
pub(crate) fn number(value: f64, lang: Lang) -> String {
    qms_core::numbers::decimal(value, lang)
}
