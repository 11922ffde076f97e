//! Why a dossier is left out of the roll-up, and how an official report names it.

use crate::Lang;
use serde::Serialize;

/// Why a dossier is not in the roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Rejection {
    /// The file could not be read or is not a valid dossier.
    Unreadable {
        /// What went wrong.
        error: String,
    },
    /// The same agency (dossier id) was already rolled up from another file.
    Duplicate {
        /// The dossier id.
        id: String,
        /// The agency.
        name: String,
        /// The agency's English name, if the dossier gives one.
        #[serde(skip_serializing_if = "Option::is_none")]
        english_name: Option<String>,
        /// The source it was first read from.
        first: String,
    },
    /// The dossier's activity belongs to another year.
    OtherYear {
        /// The dossier id.
        id: String,
        /// The agency.
        name: String,
        /// The agency's English name, if the dossier gives one.
        #[serde(skip_serializing_if = "Option::is_none")]
        english_name: Option<String>,
        /// The dossier's year.
        year: i32,
        /// The agency's province, kept to tell later whether it is in the roll-up's at all.
        #[serde(skip)]
        province: Option<String>,
    },
    /// The agency belongs to another province than the roll-up's.
    OtherProvince {
        /// The dossier id.
        id: String,
        /// The agency.
        name: String,
        /// The agency's English name, if the dossier gives one.
        #[serde(skip_serializing_if = "Option::is_none")]
        english_name: Option<String>,
        /// The agency's province.
        province: String,
    },
}

impl Rejection {
    /// The reason as an official report states it: the agency by name, no dossier id or file
    /// name (an unreadable file has nothing else to name it by, so it keeps `source`).
    ///
    /// ```
    /// use qms_core::{Lang, rollup::Rejection};
    /// let r = Rejection::OtherYear { id: "x".into(), name: "UBND xã A".into(),
    ///     english_name: None, year: 2025, province: None };
    /// assert_eq!(r.official("x.json", Lang::En), "UBND xã A (dossier of 2025)");
    /// ```
    pub fn official(&self, source: &str, lang: Lang) -> String {
        let name = self.name_in(lang);
        match (self, lang) {
            (Rejection::Unreadable { .. }, Lang::Vi) => format!("tệp {source}"),
            (Rejection::Unreadable { .. }, Lang::En) => format!("file {source}"),
            (Rejection::Duplicate { .. }, Lang::Vi) => {
                format!("{name} (gửi hai lần, chỉ tính một lần)")
            }
            (Rejection::Duplicate { .. }, Lang::En) => format!("{name} (sent twice, counted once)"),
            (Rejection::OtherYear { year, .. }, Lang::Vi) => format!("{name} (hồ sơ năm {year})"),
            (Rejection::OtherYear { year, .. }, Lang::En) => format!("{name} (dossier of {year})"),
            (Rejection::OtherProvince { province, .. }, Lang::Vi) => {
                format!("{name} (thuộc {})", province_phrase(province, lang))
            }
            (Rejection::OtherProvince { province, .. }, Lang::En) => {
                format!("{name} ({})", province_phrase(province, lang))
            }
        }
    }

    /// The agency as a provincial report names it, in a document's language: its short name
    /// (see [`super::AgencySummary::short_name_in`]), without the province it is said to be
    /// in; empty for an unreadable file.
    ///
    /// ```
    /// use qms_core::{Lang, rollup::Rejection};
    /// let r = Rejection::OtherProvince { id: "x".into(), english_name: Some(
    ///     "People's Committee of My Tho Ward".into()), province: "Đồng Tháp".into(),
    ///     name: "Ủy ban nhân dân phường Mỹ Tho tỉnh Đồng Tháp".into() };
    /// assert_eq!(r.name_in(Lang::Vi), "UBND phường Mỹ Tho");
    /// assert_eq!(r.name_in(Lang::En), "My Tho Ward");
    /// ```
    pub fn name_in(&self, lang: Lang) -> String {
        match self {
            Rejection::Unreadable { .. } => String::new(),
            Rejection::Duplicate {
                name, english_name, ..
            } => super::summary::short_name(name, english_name.as_deref(), None, lang),
            Rejection::OtherYear {
                name,
                english_name,
                province,
                ..
            } => {
                super::summary::short_name(name, english_name.as_deref(), province.as_deref(), lang)
            }
            Rejection::OtherProvince {
                name,
                english_name,
                province,
                ..
            } => super::summary::short_name(name, english_name.as_deref(), Some(province), lang),
        }
    }

    /// Where the reason comes in a report's list of what was left out: unreadable files,
    /// duplicates, other years, other provinces.
    ///
    /// ```
    /// use qms_core::rollup::Rejection;
    /// let r = Rejection::Unreadable { error: "not JSON".into() };
    /// assert_eq!(r.order(), 0);
    /// ```
    pub fn order(&self) -> u8 {
        match self {
            Rejection::Unreadable { .. } => 0,
            Rejection::Duplicate { .. } => 1,
            Rejection::OtherYear { .. } => 2,
            Rejection::OtherProvince { .. } => 3,
        }
    }

    /// The reason as one line.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Rejection::Unreadable { error }, _) => error.clone(),
            (Rejection::Duplicate { id, first, .. }, Lang::Vi) => {
                format!("trùng mã cơ quan \"{id}\" với {first}; không tính hai lần")
            }
            (Rejection::Duplicate { id, first, .. }, Lang::En) => {
                format!("same agency id \"{id}\" as {first}; not counted twice")
            }
            (Rejection::OtherYear { year, .. }, Lang::Vi) => format!(
                "hồ sơ của {} thuộc năm {year}, không phải năm kiểm tra",
                self.name_in(lang)
            ),
            (Rejection::OtherYear { year, .. }, Lang::En) => format!(
                "the dossier of {} is of {year}, not the inspected year",
                self.name_in(lang)
            ),
            (Rejection::OtherProvince { province, .. }, Lang::Vi) => format!(
                "{} thuộc {}, không thuộc phạm vi tổng hợp",
                self.name_in(lang),
                province_phrase(province, lang)
            ),
            (Rejection::OtherProvince { province, .. }, Lang::En) => format!(
                "{} is in {}, outside this roll-up",
                self.name_in(lang),
                province_phrase(province, lang)
            ),
        }
    }
}

/// "tỉnh Đồng Tháp" / "Đồng Tháp province"; a centrally-run city keeps its own word
/// ("thành phố Hà Nội" / "Hà Nội city"), which [`super::province_of`] does not say, so the
/// bare name is given then.
fn province_phrase(province: &str, lang: Lang) -> String {
    const CITIES: [&str; 6] = [
        "Hà Nội",
        "Hồ Chí Minh",
        "Hải Phòng",
        "Đà Nẵng",
        "Cần Thơ",
        "Huế",
    ];
    let city = CITIES
        .iter()
        .any(|c| province.eq_ignore_ascii_case(c) || province == *c);
    match (lang, city) {
        (Lang::Vi, true) => format!("thành phố {province}"),
        (Lang::Vi, false) => format!("tỉnh {province}"),
        (Lang::En, true) => format!("{province} city"),
        (Lang::En, false) => format!("{province} province"),
    }
}

/// A dossier left out of the roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// Where it came from (a file name).
    pub source: String,
    /// Why.
    #[serde(flatten)]
    pub reason: Rejection,
}
