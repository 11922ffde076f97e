//! JSON paths that name where in a dossier a problem is.

use serde::{Serialize, Serializer};
use std::fmt;

/// One step of a [`JsonPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// A path into a JSON document, displayed as `audits[2].findings[0].clauses[1]`.
///
/// ```
/// use qms_core::JsonPath;
/// let p = JsonPath::root().key("audits").index(2).key("findings").index(0);
/// assert_eq!(p.to_string(), "audits[2].findings[0]");
/// assert_eq!(p.pointer(), "/audits/2/findings/0");
/// assert_eq!(JsonPath::root().to_string(), "$");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The document itself.
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// This path followed by an object member.
    pub fn key(mut self, key: &str) -> JsonPath {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    /// This path followed by an array element.
    pub fn index(mut self, index: usize) -> JsonPath {
        self.0.push(Segment::Index(index));
        self
    }

    /// The steps of the path.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Builds a path from steps.
    pub fn from_segments(segments: Vec<Segment>) -> JsonPath {
        JsonPath(segments)
    }

    /// The path as an RFC 6901 JSON pointer ("" for the root).
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for s in &self.0 {
            out.push('/');
            match s {
                Segment::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }

    /// Whether the path is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("$");
        }
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
