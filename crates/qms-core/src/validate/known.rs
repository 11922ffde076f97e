//! Indexes of the ids a dossier defines, per collection.

use foldhash::{HashMap, HashSet};
use serde_json::Value;

/// Ids that exist although their records were set aside (their structure was broken), so that
/// references to them are not reported a second time as dangling.
#[derive(Debug, Default, Clone)]
pub(crate) struct KnownIds {
    by_collection: HashMap<String, HashSet<String>>,
}

impl KnownIds {
    /// Records the id of a set-aside element of `collection` and every id nested in it.
    pub(crate) fn add_from_value(&mut self, collection: &str, v: &Value) {
        let Value::Object(o) = v else { return };
        if let Some(Value::String(id)) = o.get("id") {
            self.by_collection
                .entry(collection.to_owned())
                .or_default()
                .insert(id.clone());
        }
        for (k, child) in o {
            match child {
                Value::Array(items) => items.iter().for_each(|i| self.add_from_value(k, i)),
                Value::Object(_) => self.add_from_value(k, child),
                _ => {}
            }
        }
    }

    pub(crate) fn contains(&self, collection: &str, id: &str) -> bool {
        self.by_collection
            .get(collection)
            .is_some_and(|s| s.contains(id))
    }
}
