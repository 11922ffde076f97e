//! The form code a workbook is made on ("BM.QT03.03 – Lần ban hành: 04 – Ngày ban hành:
//! 01/06/2023"), printed at the right of each page's header, where agencies put it.

use qms_core::model::{DocumentKind, DocumentStatus, FormIssue, QmsRecord};
use qms_core::{Dossier, Lang};

/// The form line of `record`, when the dossier's registers name its form.
pub(crate) fn form_line(d: &Dossier, record: QmsRecord, lang: Lang) -> Option<String> {
    d.registers.form_of(record).map(|f| line(&f, lang))
}

fn line(f: &FormIssue<'_>, lang: Lang) -> String {
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
    s
}

/// The page header carrying the form line at the right (Excel header codes: "&R" right part,
/// "&&" a literal ampersand); `None` when there is no form.
pub(crate) fn page_header(d: &Dossier, record: QmsRecord, lang: Lang) -> Option<String> {
    form_line(d, record, lang).map(|l| header_of(&l))
}

fn header_of(line: &str) -> String {
    format!("&R&10{}", line.replace('&', "&&"))
}

/// The three registers of the registers workbook, each made on its own form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Register {
    /// Danh mục tài liệu nội bộ.
    Internal,
    /// Danh mục tài liệu có nguồn gốc bên ngoài.
    External,
    /// Danh mục hồ sơ.
    Records,
}

impl Register {
    /// Usual titles of the register's form, lower case.
    fn titles(self) -> &'static [&'static str] {
        match self {
            Register::Internal => &["danh mục tài liệu nội bộ"],
            Register::External => &[
                "danh mục tài liệu có nguồn gốc bên ngoài",
                "danh mục tài liệu bên ngoài",
            ],
            Register::Records => &["danh mục hồ sơ"],
        }
    }
}

/// The page header of one register's sheet: the form titled like the register (in the
/// records register, then among the current forms of the internal documents register);
/// else the form linked to the registers as a whole; else, for the internal documents
/// register only, the usual look-up of [`QmsRecord::DocumentRegister`]. `None` rather than
/// another register's code: "Danh mục hồ sơ" printed on the internal documents' form is
/// what an inspector rejects.
///
/// ```ignore
/// // examples/so-khcn-ninh-binh.json: BM.QT01.01, BM.QT01.02 and BM.QT02.01.
/// register_header(&d, Register::Records, Lang::Vi).unwrap().contains("BM.QT02.01");
/// ```
pub(crate) fn register_header(d: &Dossier, register: Register, lang: Lang) -> Option<String> {
    let r = &d.registers;
    let titled = |t: &str| {
        register
            .titles()
            .iter()
            .any(|x| t.trim().to_lowercase().starts_with(x))
    };
    let code = r
        .records
        .iter()
        .filter(|e| titled(&e.title))
        .find_map(|e| e.form_code.as_deref().filter(|c| !c.trim().is_empty()))
        .or_else(|| {
            r.internal_documents
                .iter()
                .filter(|x| x.kind == DocumentKind::Form && x.status == DocumentStatus::Current)
                .find(|x| titled(&x.title) && !x.code.trim().is_empty())
                .map(|x| x.code.as_str())
        })
        .or_else(|| {
            r.records
                .iter()
                .filter(|e| e.qms_record == Some(QmsRecord::DocumentRegister))
                .find_map(|e| e.form_code.as_deref().filter(|c| !c.trim().is_empty()))
        });
    let Some(code) = code.map(str::trim) else {
        return match register {
            Register::Internal => page_header(d, QmsRecord::DocumentRegister, lang),
            Register::External | Register::Records => None,
        };
    };
    let form = r.internal_documents.iter().find(|x| {
        x.kind == DocumentKind::Form && x.status == DocumentStatus::Current && x.code.trim() == code
    });
    let issue = FormIssue {
        code,
        revision: form.and_then(|f| f.revision.as_deref()),
        issued_on: form.and_then(|f| f.issued_on),
    };
    Some(header_of(&line(&issue, lang)))
}
