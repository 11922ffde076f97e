//! The province an agency belongs to (tỉnh, thành phố trực thuộc trung ương), for the roll-up's
//! issuer and date line. It is read from the agency's managing body ("UBND TỈNH ĐỒNG THÁP")
//! or its address ("…, xã Tân Thành, tỉnh Đồng Tháp"), and for a provincial department from
//! its own name or place. A commune's or ward's place name ("Mỹ Tho") is its own, never the
//! province's: since 1 July 2025 there is no district level and a ward may share its name
//! with a former city, so guessing from it gives provinces that do not exist.

use crate::model::{Agency, AgencyKind};

/// The words that introduce a province's name, longest first so "thành phố" wins over "tp".
const PREFIXES: [&str; 8] = [
    "ủy ban nhân dân tỉnh ",
    "ủy ban nhân dân thành phố ",
    "uỷ ban nhân dân tỉnh ",
    "uỷ ban nhân dân thành phố ",
    "ubnd tỉnh ",
    "ubnd thành phố ",
    "tỉnh ",
    "thành phố ",
];

/// The province of an agency, e.g. "Đồng Tháp", if the dossier says it.
///
/// ```
/// let mut a = qms_core::model::Agency::default();
/// a.name = "Ủy ban nhân dân phường Mỹ Tho".into();
/// a.place = Some("Mỹ Tho".into());
/// assert_eq!(qms_core::rollup::province_of(&a), None);
/// a.address = Some("Số 27 đường Hùng Vương, phường Mỹ Tho, tỉnh Đồng Tháp".into());
/// assert_eq!(qms_core::rollup::province_of(&a).as_deref(), Some("Đồng Tháp"));
/// a.parent = Some("UBND TỈNH ĐỒNG THÁP".into());
/// a.address = None;
/// assert_eq!(qms_core::rollup::province_of(&a).as_deref(), Some("Đồng Tháp"));
/// ```
pub fn province_of(a: &Agency) -> Option<String> {
    // The address's last part names the province in the agency's own spelling and case.
    let from_address = a
        .address
        .as_deref()
        .and_then(|s| s.rsplit(',').find_map(after_prefix));
    let from_parent = a.parent.as_deref().and_then(after_prefix);
    let department = a.kind_or_inferred() == AgencyKind::Department;
    // "Sở Tư pháp tỉnh Ninh Bình": a department's name ends with its province.
    let from_name = || {
        [" tỉnh ", " Tỉnh ", " TỈNH "]
            .iter()
            .filter_map(|w| a.name.rfind(w))
            .max()
            .and_then(|i| a.name.get(i..))
            .and_then(after_prefix)
    };
    let from_place = || {
        a.place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
    };
    from_address.or(from_parent).or_else(|| {
        if department {
            from_name().or_else(from_place)
        } else {
            None
        }
    })
}

/// The name after "tỉnh"/"UBND tỉnh"…, in title case when the source is all capitals (a
/// header line such as "UBND TỈNH ĐỒNG THÁP").
fn after_prefix(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.to_lowercase();
    // Skip as many characters as the prefix has: case changes may change byte lengths.
    let skip = PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| p.chars().count())?;
    let rest: String = t.chars().skip(skip).collect();
    let rest = rest.trim().trim_end_matches('.').trim();
    if rest.is_empty() {
        return None;
    }
    if rest.chars().any(char::is_lowercase) {
        Some(rest.to_owned())
    } else {
        Some(title_case(rest))
    }
}

/// "ĐỒNG THÁP" → "Đồng Tháp".
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(name: &str, parent: Option<&str>, place: &str, address: Option<&str>) -> Agency {
        Agency {
            name: name.into(),
            parent: parent.map(Into::into),
            place: Some(place.into()),
            address: address.map(Into::into),
            ..Agency::default()
        }
    }

    #[test]
    fn a_commune_or_ward_takes_its_province_never_its_own_place() {
        let ward = agency(
            "Ủy ban nhân dân phường Mỹ Tho",
            None,
            "Mỹ Tho",
            Some("Số 27 đường Hùng Vương, phường Mỹ Tho, tỉnh Đồng Tháp"),
        );
        assert_eq!(province_of(&ward).as_deref(), Some("Đồng Tháp"));
        let commune = agency(
            "Ủy ban nhân dân xã Tân Thành",
            Some("UBND TỈNH ĐỒNG THÁP"),
            "Tân Thành",
            None,
        );
        assert_eq!(province_of(&commune).as_deref(), Some("Đồng Tháp"));
        let unknown = agency("Ủy ban nhân dân xã Tân Thành", None, "Tân Thành", None);
        assert_eq!(province_of(&unknown), None);
        let city = agency(
            "Ủy ban nhân dân phường Ba Đình",
            Some("UBND THÀNH PHỐ HÀ NỘI"),
            "Hà Nội",
            None,
        );
        assert_eq!(province_of(&city).as_deref(), Some("Hà Nội"));
    }

    #[test]
    fn a_department_falls_back_on_its_name_then_its_place() {
        let named = agency("Sở Tư pháp tỉnh Ninh Bình", None, "Hoa Lư", None);
        assert_eq!(province_of(&named).as_deref(), Some("Ninh Bình"));
        let placed = agency("Sở Tư pháp", None, "Ninh Bình", None);
        assert_eq!(province_of(&placed).as_deref(), Some("Ninh Bình"));
    }
}
