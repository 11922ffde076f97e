//! How the provincial report names and counts agencies: short names ("UBND xã An Bình",
//! "Sở Tư pháp"), lists grouped by kind with a cap, percentages with a decimal comma.

use qms_core::Lang;
use qms_core::rollup::{Province, kind_noun};

/// How many agency names a sentence lists before "và N cơ quan khác".
const NAMES_MAX: usize = 40;

/// "a, b và 3 cơ quan khác".
pub(crate) fn names(list: &[&str], lang: Lang) -> String {
    let shown = list.len().min(NAMES_MAX);
    let mut s = list.get(..shown).unwrap_or(list).join(", ");
    if list.len() > shown {
        let more = list.len() - shown;
        s.push_str(&match lang {
            Lang::Vi => format!(" và {more} cơ quan khác (xem Phụ lục)"),
            Lang::En => format!(
                " and {} (see the annex)",
                Lang::En.count(more as u64, "", "other agency")
            ),
        });
    }
    s
}

/// Some agencies by kind, departments first: "1/6 sở, ban, ngành (Sở Tư pháp); 2/17 UBND xã
/// (xã An Bình, xã Gia Hòa)"; with `of_kind`, each count is out of the agencies of its kind.
pub(crate) fn by_kind(p: &Province, indices: &[usize], lang: Lang, of_kind: bool) -> String {
    let mut parts = Vec::new();
    for (kind, tally) in p.by_kind() {
        let names: Vec<String> = indices
            .iter()
            .filter_map(|&i| p.agencies.get(i).filter(|a| a.kind == kind))
            .map(|a| a.name_under_kind_in(lang))
            .collect();
        if names.is_empty() {
            continue;
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        // The noun agrees with the number it follows: "1/2 communes", "1 commune".
        let (count, noun) = if of_kind {
            (
                format!("{}/{}", names.len(), tally.agencies),
                tally.agencies,
            )
        } else {
            (names.len().to_string(), names.len() as u32)
        };
        parts.push(format!(
            "{count} {} ({})",
            kind_noun(kind, noun, lang),
            self::names(&refs, lang)
        ));
    }
    parts.join("; ")
}

pub(crate) fn pct(n: u32, of: u32) -> String {
    if of == 0 {
        return "0".into();
    }
    let tenths = (u64::from(n) * 1000 + u64::from(of) / 2) / u64::from(of);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// A percentage as English writes it ("33.3"), for English reports.
pub(crate) fn pct_en(n: u32, of: u32) -> String {
    pct(n, of).replace(',', ".")
}

/// "96 cơ quan (20 sở, ban, ngành; 70 UBND xã; 6 UBND phường)".
pub(crate) fn kinds_phrase(p: &Province, lang: Lang) -> String {
    let parts: Vec<String> = p
        .by_kind()
        .iter()
        .map(|(k, t)| format!("{} {}", t.agencies, kind_noun(*k, t.agencies, lang)))
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shortened_as_a_provincial_report_lists_them() {
        let many: Vec<String> = (0..NAMES_MAX + 3).map(|i| format!("xã {i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(names(&refs, Lang::Vi).ends_with("và 3 cơ quan khác (xem Phụ lục)"));
        assert_eq!(pct(1, 3), "33,3");
        assert_eq!(pct(2, 2), "100");
        assert_eq!(pct_en(1, 3), "33.3");
    }
}
