//! The hidden metadata that lets the importer match every row exactly.
//!
//! Three places carry it (design: docs/decisions/0002-checklist-workbook-roundtrip.md):
//!
//! * the very hidden sheet `_qms`: format name and version, dossier id, audit id, language,
//!   export date, whether nonconformities are graded, and one row per exported checklist;
//! * cell `J1` of each checklist sheet (hidden column): the checklist id, so renaming a sheet
//!   does not lose it;
//! * cell `J{row}` of each item row (hidden, locked, inside the autofilter range so sorting and
//!   filtering move it with its row): `REV-LOCK-INPUT:ITEM_ID`, where `REV` fingerprints the
//!   dossier item as exported (to detect items changed since), `LOCK` the locked cells of the
//!   row as written (to detect edits to them) and `INPUT` the input cells as written (to tell
//!   rows the auditor did not touch, which then answer nothing).

use qms_core::Lang;
use qms_core::model::{Audit, ChecklistItem, FindingKind};

/// Name of the very hidden metadata sheet.
pub(crate) const META_SHEET: &str = "_qms";
/// Value of the format cell of the metadata sheet.
pub(crate) const FORMAT_NAME: &str = "qms-checklist";
/// Version of the metadata layout; the importer refuses newer ones.
pub(crate) const FORMAT_VERSION: u32 = 1;
/// Prefix of the checklist-id cell of each checklist sheet.
pub(crate) const SHEET_KEY_PREFIX: &str = "qms:checklist:";
/// Key cell of the signature rows under a checklist table: the importer skips these rows.
pub(crate) const SIGN_KEY: &str = "qms:sign";
/// Prefix of the fingerprint of a header-block row (cells J2 to J7).
pub(crate) const HEADER_KEY_PREFIX: &str = "qms:header:";

/// The fingerprint cell of a header-block row: what its visible cells said at export, so that
/// an edit to the agency, audit, unit, auditor or date lines is reported, never dropped.
pub(crate) fn header_key(texts: &[&str]) -> String {
    let fp = texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .fold(Fnv::new(), |f, t| f.field(t))
        .finish();
    format!("{HEADER_KEY_PREFIX}{fp:016x}")
}

/// Keys of the metadata sheet's key/value rows, in order (column A).
pub(crate) mod keys {
    pub(crate) const FORMAT: &str = "format";
    pub(crate) const VERSION: &str = "version";
    pub(crate) const DOSSIER: &str = "dossier";
    pub(crate) const AUDIT: &str = "audit";
    pub(crate) const LANG: &str = "lang";
    pub(crate) const EXPORTED_ON: &str = "exported_on";
    pub(crate) const GRADED: &str = "graded";
    pub(crate) const CHECKLIST: &str = "checklist";
}

/// 64-bit FNV-1a: tiny, stable across versions and platforms, and enough to notice edits
/// (this is change detection, not security; an auditor who forges it only hurts their own row).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    /// Adds a field; the separator keeps ("ab","c") and ("a","bc") apart.
    ///
    /// Line breaks are hashed as Excel and LibreOffice store them, whatever the dossier
    /// holds: "\r\n" and a lone "\r" count as "\n", so text with carriage returns still
    /// matches its untouched cell when it comes back.
    pub(crate) fn field(mut self, text: &str) -> Fnv {
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let b = match b {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => continue,
                b'\r' => b'\n',
                b => b,
            };
            self.byte(b);
        }
        self.byte(0x1f);
        self
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// Every (checklist, item) of an audit with the kinds of its linked findings, in dossier order.
pub(crate) fn linked_index(
    audit: &Audit,
) -> std::collections::HashMap<(&str, &str), Vec<FindingKind>> {
    let mut index: std::collections::HashMap<(&str, &str), Vec<FindingKind>> =
        std::collections::HashMap::new();
    for f in &audit.findings {
        if let (Some(c), Some(i)) = (f.checklist.as_deref(), f.item.as_deref()) {
            index.entry((c, i)).or_default().push(f.kind);
        }
    }
    index
}

/// Fingerprint of a dossier item and its linked findings, as the importer will recompute it.
pub(crate) fn item_revision(item: &ChecklistItem, kinds: impl Iterator<Item = FindingKind>) -> u64 {
    let mut h = Fnv::new()
        .field(&item.id)
        .field(&item.clauses.join(","))
        .field(item.procedure.as_deref().unwrap_or(""))
        .field(&item.question)
        .field(item.guidance.as_deref().unwrap_or(""))
        .field(item.result.key())
        .field(item.evidence.as_deref().unwrap_or(""))
        .field(item.note.as_deref().unwrap_or(""));
    for k in kinds {
        h = h.field(k.label(Lang::En));
    }
    h.finish()
}

/// Fingerprint of the locked cells of a row, as written.
pub(crate) fn lock_fingerprint(locked: &[&str]) -> u64 {
    locked.iter().fold(Fnv::new(), |h, t| h.field(t)).finish()
}

/// The key written in the hidden column of an item row.
pub(crate) fn row_key(rev: u64, lock: u64, input: u64, item_id: &str) -> String {
    format!("{rev:016x}-{lock:016x}-{input:016x}:{item_id}")
}

/// A parsed row key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowKey {
    pub(crate) rev: u64,
    pub(crate) lock: u64,
    pub(crate) input: u64,
    pub(crate) item: String,
}

/// Parses a row key; `None` when it is not one (typed over, say).
pub(crate) fn parse_row_key(text: &str) -> Option<RowKey> {
    let (rev, rest) = text.split_at_checked(16)?;
    let rest = rest.strip_prefix('-')?;
    let (lock, rest) = rest.split_at_checked(16)?;
    let rest = rest.strip_prefix('-')?;
    let (input, rest) = rest.split_at_checked(16)?;
    let item = rest.strip_prefix(':')?;
    Some(RowKey {
        rev: u64::from_str_radix(rev, 16).ok()?,
        lock: u64::from_str_radix(lock, 16).ok()?,
        input: u64::from_str_radix(input, 16).ok()?,
        item: item.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_keys_round_trip_even_with_colons_in_ids() {
        let k = row_key(1, u64::MAX, 7, "i:01");
        assert_eq!(
            parse_row_key(&k),
            Some(RowKey {
                rev: 1,
                lock: u64::MAX,
                input: 7,
                item: "i:01".into()
            })
        );
        assert_eq!(parse_row_key("hello"), None);
        assert_eq!(parse_row_key(""), None);
    }

    #[test]
    fn fingerprint_separates_fields() {
        let a = Fnv::new().field("ab").field("c").finish();
        let b = Fnv::new().field("a").field("bc").finish();
        assert_ne!(a, b);
    }
}
