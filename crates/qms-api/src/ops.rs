//! Dispatch of requests to the library.

use crate::ApiError;
use crate::request::*;
use qms_core::{Lang, Problem, catalog};
use serde_json::{Value, json};

/// The ops this version knows.
pub const OPS: [&str; 11] = [
    "validate",
    "check",
    "rules",
    "convert",
    "render",
    "export-checklist",
    "import-checklist",
    "schema",
    "clauses",
    "correlate",
    "rollup",
];

/// Handles one request (UTF-8 JSON) and returns the `result` member of the response.
///
/// ```
/// let r = qms_api::handle(br#"{"op": "clauses", "edition": "2008"}"#).unwrap();
/// assert_eq!(r["clauses"][0]["id"], "4");
/// let e = qms_api::handle(br#"{"op": "fly"}"#).unwrap_err();
/// assert_eq!(e.code(), "unknown-op");
/// ```
pub fn handle(request: &[u8]) -> Result<Value, ApiError> {
    let text = std::str::from_utf8(request).map_err(|e| ApiError::BadRequest {
        detail: format!("the request is not UTF-8 (byte {})", e.valid_up_to()),
        path: "$".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let OpOnly { op } = serde_json::from_str(text)?;
    match op.as_str() {
        "validate" => validate(text, serde_json::from_str(text)?),
        "check" => crate::check::check(text, serde_json::from_str(text)?),
        "rules" => Ok(crate::check::rules(serde_json::from_str(text)?)),
        "convert" => crate::check::convert(text, serde_json::from_str(text)?),
        "render" => crate::documents::render(text, serde_json::from_str(text)?),
        "export-checklist" => crate::documents::export(text, serde_json::from_str(text)?),
        "import-checklist" => crate::documents::import(text, serde_json::from_str(text)?),
        "schema" => {
            let r: SchemaRequest = serde_json::from_str(text)?;
            Ok(match r.of {
                SchemaOf::Dossier => crate::schema::dossier(),
                SchemaOf::Request => crate::schema::request(),
            })
        }
        "clauses" => Ok(clauses(serde_json::from_str(text)?)),
        "correlate" => correlate(serde_json::from_str(text)?),
        "rollup" => crate::rollup::op(serde_json::from_str(text)?),
        _ => Err(ApiError::UnknownOp {
            op,
            known: OPS.join(", "),
        }),
    }
}

fn validate(request: &str, r: ValidateRequest<'_>) -> Result<Value, ApiError> {
    let (report, line_offset) = load_inline(request, r.dossier)?;
    let problems: Vec<Value> = report
        .problems
        .iter()
        .map(|p| problem_json(p, r.lang, line_offset))
        .collect();
    Ok(json!({ "valid": problems.is_empty(), "problems": problems }))
}

/// Where an inline dossier starts in the request: lines before it, and the column of its start.
pub(crate) type Offset = Option<(usize, usize)>;

/// Loads a dossier given inline (an object) or as text (a string) in a request.
pub(crate) fn load_inline(
    request: &str,
    dossier: &serde_json::value::RawValue,
) -> Result<(qms_core::load::LoadReport, Offset), ApiError> {
    let raw = dossier.get();
    Ok(if raw.starts_with('"') {
        let text: String = serde_json::from_str(raw)?;
        (qms_core::load_report(text.as_bytes()), None)
    } else {
        // Lines are counted in the request, where the caller's editor shows them.
        let start = (raw.as_ptr() as usize).saturating_sub(request.as_ptr() as usize);
        let before = request.get(..start).unwrap_or("");
        let lines = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (qms_core::load_report(raw.as_bytes()), Some((lines, col)))
    })
}

/// A problem as JSON, with its position shifted into the request when the dossier was inline.
pub fn problem_json(p: &Problem, lang: Lang, offset: Option<(usize, usize)>) -> Value {
    let (line, column) = shift(p.line, p.column, offset);
    json!({
        "code": p.code(),
        "severity": "error",
        "path": p.path.to_string(),
        "pointer": p.path.pointer(),
        "line": line,
        "column": column,
        "message": p.message(lang),
    })
}

/// Moves a position in an inline dossier to its position in the request.
pub(crate) fn shift(
    line: Option<usize>,
    column: Option<usize>,
    offset: Offset,
) -> (Option<usize>, Option<usize>) {
    match (line, column, offset) {
        (Some(1), Some(c), Some((l, col))) => (Some(1 + l), Some(c + col)),
        (Some(line), c, Some((l, _))) => (Some(line + l), c),
        (l, c, None) => (l, c),
        (None, _, Some(_)) => (None, None),
    }
}

fn clauses(r: ClausesRequest) -> Value {
    let list: Vec<Value> = catalog::clauses(r.edition)
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "parent": c.parent,
                "title": c.title(r.lang),
                "title_vi": c.title_vi,
                "title_en": c.title_en,
                "paragraph": c.paragraph,
                "vi_status": c.vi_status,
            })
        })
        .collect();
    json!({ "edition": r.edition, "standard": r.edition.title(), "clauses": list })
}

fn correlate(r: CorrelateRequest) -> Result<Value, ApiError> {
    let rows = catalog::correlate(&r.clause, r.from, r.to)?;
    let targets: Vec<Value> = rows
        .iter()
        .map(|row| {
            let target = if r.to == qms_core::Edition::Iso9001_2015 && r.from != r.to {
                row.to_2015
            } else if r.from == r.to {
                r.clause.as_str()
            } else {
                row.from_2008
            };
            let title = catalog::find(r.to, target);
            json!({
                "clause": target,
                "title_vi": title.map(|c| c.title_vi),
                "title_en": title.map(|c| c.title_en),
                "status": row.status,
                "note_vi": row.note_vi,
                "note_en": row.note_en,
            })
        })
        .collect();
    Ok(json!({
        "clause": r.clause,
        "from": r.from,
        "to": r.to,
        "ambiguous": targets.len() > 1,
        "targets": targets,
    }))
}
