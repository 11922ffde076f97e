//! File names of documents: the one place they are made, for render, render-all, export and
//! the CLI. Ids come from users, so names are folded to safe ASCII.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest file name made, in bytes (well under the 255 of common file systems, leaving room
/// for a "-2" suffix and for the CLI's temporary-file prefix).
pub const MAX_LEN: usize = 120;

/// ASCII file-name part of a text: Vietnamese letters lose their marks, "đ"/"Đ" become "d",
/// letters are lower-cased, and every run of anything else (spaces, dots, slashes, control
/// characters) becomes one "-"; no leading or trailing "-".
///
/// ```
/// assert_eq!(qms_api::file_name::fold("Đánh giá nội bộ 2026"), "danh-gia-noi-bo-2026");
/// assert_eq!(qms_api::file_name::fold("CAR.09"), "car-09");
/// assert_eq!(qms_api::file_name::fold("../../etc/passwd"), "etc-passwd");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The file name of a document: `stem`, then the folded id when there is one, then the
/// extension, capped at [`MAX_LEN`] bytes.
///
/// ```
/// use qms_api::file_name::document_file_name;
/// assert_eq!(document_file_name("ke-hoach", Some("ĐG/2026\u{0}1"), "docx"), "ke-hoach-dg-2026-1.docx");
/// assert_eq!(document_file_name("danh-muc-tai-lieu-ho-so", None, "xlsx"), "danh-muc-tai-lieu-ho-so.xlsx");
/// assert!(document_file_name("bao-cao", Some(&"x".repeat(10_000)), "docx").len() <= 120);
/// ```
pub fn document_file_name(stem: &str, id: Option<&str>, ext: &str) -> String {
    let mut base = fold(stem);
    if let Some(part) = id.map(fold).filter(|p| !p.is_empty()) {
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&part);
    }
    if base.is_empty() {
        base.push_str("tai-lieu");
    }
    let ext = fold(ext);
    let room = MAX_LEN.saturating_sub(ext.len() + 1);
    // ASCII only, so any byte index is a character boundary.
    base.truncate(room);
    let base = base.trim_end_matches('-');
    format!("{base}.{ext}")
}

/// Makes the names of one set unique, in order: the second "a.docx" becomes "a-2.docx", the
/// third "a-3.docx" (and a name already taken by a suffixed one moves on to the next number).
///
/// ```
/// let mut names = vec!["a.docx".to_string(), "a.docx".into(), "a-2.docx".into()];
/// qms_api::file_name::make_unique(&mut names);
/// assert_eq!(names, ["a.docx", "a-2.docx", "a-2-2.docx"]);
/// ```
pub fn make_unique(names: &mut [String]) {
    let mut taken = std::collections::HashSet::new();
    for name in names.iter_mut() {
        if taken.insert(name.clone()) {
            continue;
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) => (s.to_owned(), format!(".{e}")),
            None => (name.clone(), String::new()),
        };
        let mut n = 2;
        loop {
            let candidate = format!("{stem}-{n}{ext}");
            if taken.insert(candidate.clone()) {
                *name = candidate;
                break;
            }
            n += 1;
        }
    }
}

/// Makes a name given by another crate safe the same way (keeping its extension).
pub(crate) fn sanitize(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => document_file_name(stem, None, ext),
        None => document_file_name(name, None, "bin"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(name: &str) -> bool {
        name.len() <= MAX_LEN
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            && !name.starts_with('.')
            && !name.starts_with('-')
    }

    #[test]
    fn vietnamese_folds_consistently_in_both_normal_forms() {
        let nfc = "Phiếu Đánh giá Ủy ban";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(nfc), "phieu-danh-gia-uy-ban");
        assert_eq!(fold(&nfd), fold(nfc));
        assert_eq!(fold("đ Đ ĐẶNG"), "d-d-dang");
    }

    #[test]
    fn hostile_ids_give_safe_names() {
        for id in [
            "../../etc/passwd",
            "a\\b\\c",
            "nul\u{0}byte",
            "tab\tnew\nline\r",
            "C:\\con",
            "  ",
            "",
            "🦀🦀",
            "-leading-",
        ] {
            let n = document_file_name("bao-cao", Some(id), "docx");
            assert!(safe(&n), "{id:?} -> {n:?}");
            assert!(n.ends_with(".docx"));
        }
        let long = "Đ".repeat(10_000);
        let n = document_file_name("bao-cao", Some(&long), "docx");
        assert!(safe(&n) && n.len() <= MAX_LEN, "{}", n.len());
        assert!(n.starts_with("bao-cao-ddd"));
    }

    #[test]
    fn ids_that_fold_alike_are_made_unique() {
        let mut names = vec![
            document_file_name("phieu-hdkp", Some("car-09"), "docx"),
            document_file_name("phieu-hdkp", Some("CAR.09"), "docx"),
            document_file_name("phieu-hdkp", Some("Car 09"), "docx"),
        ];
        make_unique(&mut names);
        assert_eq!(
            names,
            [
                "phieu-hdkp-car-09.docx",
                "phieu-hdkp-car-09-2.docx",
                "phieu-hdkp-car-09-3.docx"
            ]
        );
        let long = "x".repeat(10_000);
        let mut names = vec![
            document_file_name("a", Some(&long), "docx"),
            document_file_name("a", Some(&long), "docx"),
        ];
        make_unique(&mut names);
        assert_ne!(names[0], names[1]);
        assert!(names.iter().all(|n| n.len() <= MAX_LEN + 4));
    }
}
