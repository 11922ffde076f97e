//! The `dossier` member of a request: a JSON object inside the request, its JSON text as a
//! string, or (for Rust callers) the bytes of a file.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// Where a request's dossier comes from.
///
/// Problems and diagnostics are located where the caller's editor shows them: in the request
/// for an inline object, in the dossier's own text otherwise.
///
/// ```
/// use qms_api::request::DossierArg;
/// let d: DossierArg = serde_json::from_str(r#""{\"id\": 1}""#).unwrap();
/// assert!(matches!(d, DossierArg::Text(_)));
/// ```
#[derive(Debug, Clone)]
pub enum DossierArg<'a> {
    /// A JSON object inside the request.
    Inline {
        /// Its exact text.
        raw: &'a RawValue,
        /// Lines of the request before it, and the column where it starts (set when the
        /// request is parsed by [`crate::call`]).
        at: Option<(usize, usize)>,
    },
    /// The dossier's JSON text, given as a JSON string.
    Text(String),
    /// The bytes of a dossier file (Rust callers; not expressible in JSON).
    Bytes(&'a [u8]),
    /// The bytes of a dossier file, handed over (Rust callers): the ops that take their
    /// request by value (all but `check`, which reads the text again to place its
    /// diagnostics) load them in place, which reads a dossier written with `\u` escapes as
    /// fast as one without, and free them once the dossier is loaded, before their own work
    /// peaks.
    Owned(Vec<u8>),
}

impl<'de: 'a, 'a> Deserialize<'de> for DossierArg<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw: &'de RawValue = Deserialize::deserialize(d)?;
        if raw.get().starts_with('"') {
            let text: String = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
            Ok(DossierArg::Text(text))
        } else {
            Ok(DossierArg::Inline { raw, at: None })
        }
    }
}

impl<'a> DossierArg<'a> {
    /// The dossier's bytes.
    pub fn bytes(&self) -> &[u8] {
        match self {
            DossierArg::Inline { raw, .. } => raw.get().as_bytes(),
            DossierArg::Text(t) => t.as_bytes(),
            DossierArg::Bytes(b) => b,
            DossierArg::Owned(b) => b,
        }
    }

    /// Takes the dossier out, leaving no bytes, for an op that loads it in place and frees it
    /// (see [`DossierArg::Owned`]).
    pub fn take(&mut self) -> DossierArg<'a> {
        std::mem::replace(self, DossierArg::Bytes(&[]))
    }

    /// Where the dossier starts in the request, for an inline object.
    pub(crate) fn offset(&self) -> Option<(usize, usize)> {
        match self {
            DossierArg::Inline { at, .. } => *at,
            _ => None,
        }
    }

    /// Records where an inline dossier starts in `request`, the text it was parsed from.
    pub(crate) fn locate(&mut self, request: &str) {
        if let DossierArg::Inline { raw, at } = self {
            let start = (raw.get().as_ptr() as usize).saturating_sub(request.as_ptr() as usize);
            let before = request.get(..start).unwrap_or("");
            let lines = before.matches('\n').count();
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
            *at = Some((lines, col));
        }
    }
}

/// Moves a position in a dossier to its position in the request (when the dossier was inline).
pub(crate) fn shift(
    line: Option<usize>,
    column: Option<usize>,
    offset: Option<(usize, usize)>,
) -> (Option<usize>, Option<usize>) {
    match (line, column, offset) {
        (Some(1), Some(c), Some((l, col))) => (Some(1 + l), Some(c + col)),
        (Some(line), c, Some((l, _))) => (Some(line + l), c),
        (l, c, None) => (l, c),
        (None, _, Some(_)) => (None, None),
    }
}
