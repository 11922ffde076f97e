#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! What a hand-edited file can hide: members written twice, implausible years, a file cut inside
//! a character or at a line end. Each is reported with its code, its positions and vi/en text.

use qms_core::{Lang, load, load_report};

const EXAMPLE: &str = include_str!("../../../examples/so-khcn-ninh-binh.json");

/// The 1-based line and column (in characters) of the `n`th occurrence of `needle`.
fn pos_of(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let off = text.match_indices(needle).nth(n).unwrap().0;
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

#[test]
fn a_member_written_twice_is_reported_with_both_positions() {
    // The agency's name twice: what loaded was the second, silently.
    let text = EXAMPLE.replacen(
        "\"agency\": {",
        "\"agency\": {\n    \"name\": \"Sở Cũ (tên sai)\",",
        1,
    );
    assert_ne!(text, EXAMPLE);
    let report = load_report(text.as_bytes());
    let dup: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.code() == "QMS-V009")
        .collect();
    assert_eq!(dup.len(), 1, "{:?}", report.problems);
    let p = dup[0];
    assert_eq!(p.path.to_string(), "agency.name");
    let first = pos_of(&text, "\"name\"", 0);
    let agency_at = text.find("\"agency\"").unwrap();
    let second_off = agency_at
        + text[agency_at..]
            .match_indices("\"name\"")
            .nth(1)
            .unwrap()
            .0;
    let before = &text[..second_off];
    let second = (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1,
    );
    assert_eq!((p.line.unwrap(), p.column.unwrap()), second);
    let en = p.message(Lang::En);
    let vi = p.message(Lang::Vi);
    assert!(
        en.contains(&format!("line {}, column {}", first.0, first.1)),
        "{en}"
    );
    assert!(
        vi.contains(&format!("dòng {}, cột {}", first.0, first.1)),
        "{vi}"
    );
    assert!(vi.contains("hai lần"), "{vi}");
    assert!(load(text.as_bytes()).is_err());
}

#[test]
fn duplicates_are_found_in_lists_maps_and_escaped_spellings() {
    let text = EXAMPLE
        .replacen(
            "\"units\": [\n    {",
            "\"units\": [\n    {\"id\": \"x\",",
            1,
        )
        .replacen(
            "\"format_version\": 1,",
            "\"format_version\": 1, \"\\u0066ormat_version\": 1,",
            1,
        );
    assert_ne!(text, EXAMPLE);
    let report = load_report(text.as_bytes());
    let dup: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.code() == "QMS-V009")
        .map(|p| p.path.to_string())
        .collect();
    assert_eq!(
        dup,
        vec!["format_version".to_owned(), "units[0].id".to_owned()]
    );
    // The same key in two sibling objects is not a duplicate.
    assert!(load(EXAMPLE.as_bytes()).is_ok());
}

#[test]
fn duplicate_search_is_linear() {
    // 200,000 members in one object, every second one repeated: seconds, not hours.
    let n = 200_000;
    let members: Vec<String> = (0..n).map(|i| format!("\"k{}\": {i}", i / 2)).collect();
    let text = EXAMPLE.replacen(
        "\"format_version\": 1,",
        &format!(
            "\"format_version\": 1, \"english\": {{\"units\": {{{}}}}},",
            members.join(",")
        ),
        1,
    );
    let t = std::time::Instant::now();
    let report = load_report(text.as_bytes());
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    // The cap holds: the first few hundred are listed, not 100,000.
    let dups = report
        .problems
        .iter()
        .filter(|p| p.code() == "QMS-V009")
        .count();
    assert_eq!(report.problems.len(), qms_core::load::MAX_PROBLEMS);
    assert!(dups >= qms_core::load::MAX_PROBLEMS - 10, "{dups}");
}

#[test]
fn implausible_years_are_load_problems() {
    for (year, shown) in [
        ("0202", "202"),
        ("1899", "1899"),
        ("2201", "2201"),
        ("0000", "0"),
        ("-0005", "-5"),
        ("+20260", "20260"),
    ] {
        // The first date of the example gets another year.
        let at = EXAMPLE.find("\"2026-").unwrap();
        let text = format!("{}\"{year}-{}", &EXAMPLE[..at], &EXAMPLE[at + 6..]);
        let report = load_report(text.as_bytes());
        let bad: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.code() == "QMS-V007")
            .collect();
        assert_eq!(bad.len(), 1, "{year}: {:?}", report.problems);
        let at = EXAMPLE.find("\"2026-").unwrap();
        let before = &EXAMPLE[..at];
        assert_eq!(
            bad[0].line,
            Some(before.matches('\n').count() + 1),
            "{year}"
        );
        assert!(
            bad[0].message(Lang::En).contains(&format!("year {shown} ")),
            "{}",
            bad[0].message(Lang::En)
        );
        assert!(bad[0].message(Lang::Vi).contains(&format!("năm {shown} ")));
    }
    // The bounds themselves are accepted.
    for year in ["1900", "2200"] {
        let at = EXAMPLE.find("\"2026-").unwrap();
        let text = format!("{}\"{year}-{}", &EXAMPLE[..at], &EXAMPLE[at + 6..]);
        let report = load_report(text.as_bytes());
        assert!(
            !report.problems.iter().any(|p| p.code() == "QMS-V007"),
            "{year}: {:?}",
            report.problems
        );
    }
}

#[test]
fn a_file_cut_inside_a_character_is_called_truncated() {
    let bytes = EXAMPLE.as_bytes();
    // Cut in the middle of the first two-byte character.
    let at = EXAMPLE
        .char_indices()
        .find(|(_, c)| c.len_utf8() > 1)
        .unwrap()
        .0
        + 1;
    let report = load_report(&bytes[..at]);
    let p = &report.problems[0];
    assert_eq!(p.code(), "QMS-V008");
    assert!(
        p.message(Lang::En).contains("truncated"),
        "{}",
        p.message(Lang::En)
    );
    assert!(
        p.message(Lang::Vi).contains("bị cắt cụt"),
        "{}",
        p.message(Lang::Vi)
    );
    assert!(!p.message(Lang::En).contains("not UTF-8"));
    // A bad byte in the middle is still "not UTF-8".
    let mut mid = bytes.to_vec();
    mid[at - 1] = 0xFF;
    let p = &load_report(&mid).problems[0];
    assert!(
        p.message(Lang::En).contains("not UTF-8"),
        "{}",
        p.message(Lang::En)
    );
}

#[test]
fn end_of_file_positions_have_a_real_column() {
    // Cut right after a line break: serde_json says "column 0" on the next line.
    let cut_at = EXAMPLE.match_indices('\n').nth(5).unwrap().0 + 1;
    let cut = &EXAMPLE[..cut_at];
    let p = &load_report(cut.as_bytes()).problems[0];
    assert_eq!(p.code(), "QMS-V001");
    let last = cut.lines().last().unwrap();
    assert_eq!(p.line, Some(cut.lines().count()));
    assert_eq!(p.column, Some(last.chars().count() + 1));
    // Also with Windows line ends, and for a file of one line break only.
    let crlf = cut.replace('\n', "\r\n");
    let p = &load_report(crlf.as_bytes()).problems[0];
    assert_eq!(p.column, Some(last.chars().count() + 1));
    for text in ["\n", "{\n", "\n\n"] {
        let p = &load_report(text.as_bytes()).problems[0];
        assert!(
            p.column.unwrap() >= 1 && p.line.unwrap() >= 1,
            "{text:?}: {p:?}"
        );
    }
}
