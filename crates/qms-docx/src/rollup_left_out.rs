//! What the provincial report says about the dossiers it left out: the count by reason in
//! section I, and the list by reason, by agency, in section IV.

use crate::rollup_names::names;
use qms_core::Lang;
use qms_core::rollup::Province;

/// Section IV's items for the dossiers left out, one per reason that applies: "Hồ sơ của cơ
/// quan ngoài tỉnh, không tổng hợp (2): UBND phường Mỹ Tho (thuộc tỉnh Đồng Tháp), …".
pub(crate) fn left_out_items(p: &Province, lang: Lang) -> Vec<String> {
    let mut items = Vec::new();
    for (kind, vi, en) in [
        (
            0,
            "Hồ sơ lỗi, không đọc được, đề nghị gửi lại",
            "Unreadable dossiers, to be sent again",
        ),
        (
            1,
            "Hồ sơ trùng cơ quan, chỉ tính một lần",
            "Duplicate agencies, counted once",
        ),
        (
            2,
            "Hồ sơ không thuộc năm kiểm tra",
            "Dossiers of another year",
        ),
        (
            3,
            "Hồ sơ của cơ quan ngoài tỉnh, không tổng hợp",
            "Agencies of another province, not rolled up",
        ),
    ] {
        let files: Vec<String> = p
            .rejected
            .iter()
            .filter(|r| r.reason.order() == kind)
            .map(|r| r.reason.official(&r.source, lang))
            .collect();
        if !files.is_empty() {
            let refs: Vec<&str> = files.iter().map(String::as_str).collect();
            items.push(format!(
                "{} ({}): {}.",
                lang.pick(vi, en),
                files.len(),
                names(&refs, lang)
            ));
        }
    }
    items
}

/// Why dossiers were left out, with the reasons that apply only: "2 hồ sơ của cơ quan ngoài
/// tỉnh không được đưa vào tổng hợp, nêu tại Mục IV." (a list of every possible reason had the
/// reader look for unreadable files that were not there). Empty when nothing was left out.
pub(crate) fn left_out(p: &Province, lang: Lang) -> String {
    let [unreadable, duplicate, other_year, other_province] = p.rejected_by_reason();
    let year = p.year;
    let reasons: Vec<(usize, String)> = [
        (
            unreadable,
            lang.pick("bị lỗi, không đọc được", "that cannot be read")
                .to_owned(),
        ),
        (
            duplicate,
            lang.pick("trùng cơ quan", "of a duplicate agency")
                .to_owned(),
        ),
        (
            other_year,
            match lang {
                Lang::Vi => format!("không thuộc năm {year}"),
                Lang::En => format!("not of {year}"),
            },
        ),
        (
            other_province,
            lang.pick("của cơ quan ngoài tỉnh", "of another province")
                .to_owned(),
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect();
    let total = p.rejected.len();
    let dossiers = |n: usize| match lang {
        Lang::Vi => format!("{n} hồ sơ"),
        Lang::En => Lang::En.count(n as u64, "", "dossier"),
    };
    let verb = if total == 1 { "is" } else { "are" };
    match reasons.as_slice() {
        [] => String::new(),
        [(n, why)] => match lang {
            Lang::Vi => format!(
                " {} {why} không được đưa vào tổng hợp, nêu tại Mục IV.",
                dossiers(*n)
            ),
            Lang::En => format!(" {} {why} {verb} left out; see section IV.", dossiers(*n)),
        },
        several => {
            let parts: Vec<String> = several
                .iter()
                .map(|(n, why)| match lang {
                    Lang::Vi => format!("{} {why}", dossiers(*n)),
                    Lang::En => format!("{n} {why}"),
                })
                .collect();
            match lang {
                Lang::Vi => format!(
                    " {} không được đưa vào tổng hợp ({}), nêu tại Mục IV.",
                    dossiers(total),
                    parts.join("; ")
                ),
                Lang::En => format!(
                    " {} {verb} left out ({}); see section IV.",
                    dossiers(total),
                    parts.join("; ")
                ),
            }
        }
    }
}
