//! Signature cells inside a form (the corrective-action request's four parts): a title, "(Ký,
//! ghi rõ họ tên)", the date, room to sign, and the typed name when the dossier knows it.

use crate::ctx::Ctx;
use crate::wml::{Borders, PLAIN, Para, columns};
use crate::xml::Xml;

/// One signer of a part of a form.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormSigner {
    /// What they sign as, e.g. "NGƯỜI PHÁT HIỆN".
    pub(crate) title: String,
    /// Their name, when known; blank to be written by hand.
    pub(crate) name: Option<String>,
    /// The date they signed ("15/05/2026"), when known.
    pub(crate) date: Option<String>,
}

impl FormSigner {
    /// A signer with a title and what the dossier knows.
    pub(crate) fn new(title: &str, name: Option<String>, date: Option<String>) -> FormSigner {
        FormSigner {
            title: title.to_uppercase(),
            name,
            date,
        }
    }
}

/// Signature cells side by side across `width` twips, written inside an open table cell
/// (a borderless nested table, then the paragraph a cell must end with).
pub(crate) fn form_signatures(x: &mut Xml<'_>, ctx: &Ctx<'_>, width: u32, signers: &[FormSigner]) {
    if signers.is_empty() {
        return;
    }
    let parts = vec![1; signers.len()];
    let w = columns(width.saturating_sub(120), &parts);
    x.tbl_open(&w, Borders::None);
    x.tr_open(false);
    for (s, cw) in signers.iter().zip(&w) {
        x.tc_open(*cw, 1);
        if s.title.is_empty() {
            // A blank place that keeps the signer on the right, as forms set one signer.
            x.p(Para::new("Tight"), "", PLAIN);
            x.tc_close();
            continue;
        }
        x.p(Para::new("FormSign"), &s.title, PLAIN);
        x.p(
            Para::new("FormNote"),
            ctx.t("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
            PLAIN,
        );
        let date = match &s.date {
            Some(d) => format!("{} {d}", ctx.t("Ngày", "Date:")),
            None => ctx.t("Ngày ……/……/………", "Date: ……/……/………").to_owned(),
        };
        x.p(Para::new("FormNote"), &date, PLAIN);
        for _ in 0..3 {
            x.p(Para::new("Tight"), "", PLAIN);
        }
        match &s.name {
            Some(n) => x.p(Para::new("FormSign"), n, PLAIN),
            None => x.p(Para::new("Tight"), "", PLAIN),
        }
        x.tc_close();
    }
    x.tr_close();
    x.tbl_close();
    x.p(Para::new("Break"), "", PLAIN);
}
