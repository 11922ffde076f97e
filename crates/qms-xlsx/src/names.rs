//! Names in the workbook's language: an English workbook prints the English names the dossier
//! gives for the agency and its units (its `english` section), the recorded ones otherwise.

use qms_core::{Dossier, Lang};

/// The agency's name in `lang`.
///
/// ```ignore
/// assert_eq!(agency_name(&d, Lang::Vi), d.agency.name);
/// ```
pub(crate) fn agency_name(d: &Dossier, lang: Lang) -> &str {
    match (lang, d.english.agency.as_deref()) {
        (Lang::En, Some(n)) if !n.trim().is_empty() => n,
        _ => &d.agency.name,
    }
}

/// A unit's name in `lang`; the id itself when the dossier does not know the unit.
///
/// ```ignore
/// assert_eq!(unit_name(&d, "vp", Lang::En), "Office");
/// ```
pub(crate) fn unit_name<'a>(d: &'a Dossier, id: &'a str, lang: Lang) -> &'a str {
    if lang == Lang::En
        && let Some(n) = d.english.unit(id)
    {
        return n;
    }
    d.unit(id).map_or(id, |u| u.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_only_in_english_and_only_when_given() {
        let mut d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
        let unit = d.units.first().map(|u| (u.id.clone(), u.name.clone()));
        let Some((id, vi_name)) = unit else {
            panic!("the starter dossier has units");
        };
        assert_eq!(unit_name(&d, &id, Lang::En), vi_name);
        assert_eq!(agency_name(&d, Lang::En), "UBND xã Hòa Bình");
        d.english.agency = Some("Hoa Binh Commune People's Committee".into());
        d.english.units.insert(id.clone(), "Office".into());
        assert_eq!(unit_name(&d, &id, Lang::En), "Office");
        assert_eq!(unit_name(&d, &id, Lang::Vi), vi_name);
        assert_eq!(
            agency_name(&d, Lang::En),
            "Hoa Binh Commune People's Committee"
        );
        assert_eq!(agency_name(&d, Lang::Vi), "UBND xã Hòa Bình");
        // A blank English name is no name.
        d.english.units.insert(id.clone(), " ".into());
        assert_eq!(unit_name(&d, &id, Lang::En), vi_name);
        assert_eq!(unit_name(&d, "nowhere", Lang::En), "nowhere");
    }
}
