//! The dossier reference generator (docs/reference.vi.md, docs/reference.en.md): the committed
//! JSON Schema gives the objects, fields, types and English text, docs/reference/fields.vi.toml
//! the Vietnamese text, and the bundled example dossiers an example value per field.

pub(crate) mod examples;
pub(crate) mod markdown;
pub(crate) mod schema;
pub(crate) mod vi;
pub(crate) mod words;
