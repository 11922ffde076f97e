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
        form_signer(x, ctx, s);
        x.tc_close();
    }
    x.tr_close();
    x.tbl_close();
    x.p(Para::new("Break"), "", PLAIN);
}

/// What a part says on the left and its one signer on the right, in one borderless row: a
/// part signed by one person (approval, verification) needs no band of its own below its
/// text, which is what lets a short request fit one page.
pub(crate) fn form_signature_beside(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    width: u32,
    left: impl FnOnce(&mut Xml<'_>),
    signer: &FormSigner,
) {
    // The signer's note and date share a line: the right side needs about half the width.
    let w = columns(width.saturating_sub(120), &[52, 48]);
    x.tbl_open(&w, Borders::None);
    x.tr_open(false);
    x.tc_open(crate::wml::width(&w, 0), 1);
    left(x);
    // A cell must end with a paragraph; the left side may have written only a table.
    x.p(Para::new("Break"), "", PLAIN);
    x.tc_close();
    x.tc_open(crate::wml::width(&w, 1), 1);
    form_signer(x, ctx, signer);
    x.tc_close();
    x.tr_close();
    x.tbl_close();
    x.p(Para::new("Break"), "", PLAIN);
}

/// One signer: title, "(Ký, ghi rõ họ tên)" and the date on one line, room to sign (the
/// `SignRoom` style: one exact line of 10 mm, room for a signature without a stamp) and the
/// name line, blank when unknown. The note and the date share a line: a request has four
/// signature bands, and a line saved in each is what keeps a filled request on one page.
pub(crate) fn form_signer(x: &mut Xml<'_>, ctx: &Ctx<'_>, s: &FormSigner) {
    if s.title.is_empty() {
        // A blank place that keeps the signer on the right, as forms set one signer.
        x.p(Para::new("Tight"), "", PLAIN);
        return;
    }
    x.p(Para::new("FormSign"), &s.title, PLAIN);
    let date = match &s.date {
        Some(d) => format!("{} {d}", ctx.t("ngày", "date")),
        None => ctx.t("ngày ……/……/………", "date ……/……/………").to_owned(),
    };
    x.p(
        Para::new("FormNote"),
        &format!(
            "{} – {date}",
            ctx.t("(Ký, ghi rõ họ tên)", "(Signature, full name)")
        ),
        PLAIN,
    );
    x.p(Para::new("SignRoom"), "", PLAIN);
    x.p(
        Para::new("FormSign"),
        s.name.as_deref().unwrap_or_default(),
        PLAIN,
    );
}
