//! The agency's own facts about a document (who signs, in what form, who receives, the
//! archive line, its standing paragraph) applied over the usual text.

use crate::ctx::{Ctx, role_title};
use crate::header::{Signer, archive_line};
use qms_core::model::{DocumentFacts, Role, SigningForm};

/// The signer the facts name, else `default`.
pub(crate) fn signer(ctx: &Ctx<'_>, facts: Option<&DocumentFacts>, default: Signer) -> Signer {
    let Some(f) =
        facts.filter(|f| f.signer.is_some() || f.signing.is_some() || f.signing_title.is_some())
    else {
        return default;
    };
    let person = f.signer.as_deref().and_then(|id| ctx.d.person(id));
    let own = f
        .signing_title
        .as_deref()
        .map(str::to_uppercase)
        .or_else(|| person.and_then(|p| ctx.office_of(p)).map(str::to_uppercase))
        .or_else(|| default.lines.last().cloned())
        .unwrap_or_default();
    let head = ctx
        .with_role(Role::Head)
        .and_then(|h| ctx.office_of(h))
        .map(str::to_uppercase)
        .unwrap_or_else(|| role_title(Role::Head, ctx.lang).to_owned());
    let deputy = person.is_some_and(|p| p.has_role(Role::DeputyHead));
    let form = f.signing.unwrap_or(if deputy {
        SigningForm::OnBehalf
    } else {
        SigningForm::Direct
    });
    let mut lines = Vec::new();
    match form {
        SigningForm::Direct => {}
        SigningForm::OnBehalf => lines.push(format!("{} {head}", ctx.t("KT.", "p.p."))),
        SigningForm::ByOrder => lines.push(format!("{} {head}", ctx.t("TL.", "BY ORDER OF THE"))),
        SigningForm::ForCollective => lines.push(format!(
            "{} {}",
            ctx.t("TM.", "FOR THE"),
            ctx.agency_name().to_uppercase()
        )),
    }
    lines.push(own);
    Signer {
        lines,
        name: match (f.signer.as_deref(), person) {
            (_, Some(p)) => p.name.clone(),
            (Some(id), None) => id.to_owned(),
            (None, None) => default.name,
        },
    }
}

/// The recipients the facts list (with the archive line), else `default` with the facts'
/// archive line in place of the usual one.
pub(crate) fn recipients(
    ctx: &Ctx<'_>,
    facts: Option<&DocumentFacts>,
    default: Vec<String>,
) -> Vec<String> {
    let usual = archive_line(ctx);
    let archive = facts
        .and_then(|f| f.archive.as_deref())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| usual.clone());
    match facts.filter(|f| !f.recipients.is_empty()) {
        Some(f) => {
            let mut list = f.recipients.clone();
            let filed = list.iter().any(|r| {
                let r = r.trim_start_matches(['-', ' ']).to_lowercase();
                r.starts_with("lưu") || r.starts_with("file")
            });
            if !filed {
                list.push(archive);
            }
            list
        }
        None => default
            .into_iter()
            .map(|r| if r == usual { archive.clone() } else { r })
            .collect(),
    }
}

/// The standing paragraph in the agency's words, else the usual one.
pub(crate) fn implementation<'a>(facts: Option<&'a DocumentFacts>, usual: &'a str) -> &'a str {
    facts
        .and_then(|f| f.implementation.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(usual)
}
