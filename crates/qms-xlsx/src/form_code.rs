//! The form code a workbook is made on ("BM.QT03.03 – Lần ban hành: 04 – Ngày ban hành:
//! 01/06/2023"), printed at the right of each page's header, where agencies put it.

use qms_core::model::QmsRecord;
use qms_core::{Dossier, Lang};

/// The form line of `record`, when the dossier's registers name its form.
pub(crate) fn form_line(d: &Dossier, record: QmsRecord, lang: Lang) -> Option<String> {
    let f = d.registers.form_of(record)?;
    let mut s = match lang {
        Lang::Vi => f.code.to_owned(),
        Lang::En => format!("Form {}", f.code),
    };
    if let Some(r) = f.revision.map(str::trim).filter(|r| !r.is_empty()) {
        s.push_str(&format!(" – {} {r}", lang.pick("Lần ban hành:", "Issue")));
    }
    if let Some(day) = f.issued_on {
        s.push_str(&format!(
            " – {} {}",
            lang.pick("Ngày ban hành:", "issued"),
            day.format("%d/%m/%Y")
        ));
    }
    Some(s)
}

/// The page header carrying the form line at the right (Excel header codes: "&R" right part,
/// "&&" a literal ampersand); `None` when there is no form.
pub(crate) fn page_header(d: &Dossier, record: QmsRecord, lang: Lang) -> Option<String> {
    form_line(d, record, lang).map(|l| format!("&R&10{}", l.replace('&', "&&")))
}
