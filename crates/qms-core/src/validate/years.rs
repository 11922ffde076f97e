//! Dates whose year no agency record can have: before 1900 or after 2200 (year 0 and negative
//! years included, which the date type accepts). "0202-05-12" is a typo for 2022 or 2026 that
//! would print as such in every document, and a workbook cannot show a date before 1900.
//!
//! Every date of the model is found generically, by walking the dossier with a serializer that
//! only looks at dates (chrono writes them with `collect_str`, texts use `serialize_str`), so a
//! date member added to the model later is checked without a change here.

use super::Problems;
use crate::Dossier;
use crate::load::{InvalidValue, JsonPath, Problem, ProblemKind, Segment};
use serde::ser::{self, Serialize};
use std::fmt::{self, Write};

/// The years a dossier's dates may have.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Adds a problem for every date of `d` outside [`PLAUSIBLE_YEARS`].
pub(super) fn check(d: &Dossier, problems: &mut Problems) {
    let mut w = Walker {
        path: Vec::new(),
        buf: String::new(),
        problems,
    };
    // The walker's methods cannot fail: the result carries nothing.
    let _ = d.serialize(&mut w);
}

/// One step of the path being walked; members' names are borrowed (allocating one per member
/// of the whole dossier would cost more than the check).
enum Step {
    Field(&'static str),
    Index(usize),
    Key(String),
}

struct Walker<'p> {
    path: Vec<Step>,
    /// Reused for each date's text.
    buf: String,
    problems: &'p mut Problems,
}

impl Walker<'_> {
    fn date_text(&mut self) {
        if let Some(year) = year_of(&self.buf)
            && !PLAUSIBLE_YEARS.contains(&year)
        {
            self.problems.push(Problem::new(
                JsonPath::from_segments(
                    self.path
                        .iter()
                        .map(|s| match s {
                            Step::Field(f) => Segment::Key((*f).to_owned()),
                            Step::Index(i) => Segment::Index(*i),
                            Step::Key(k) => Segment::Key(k.clone()),
                        })
                        .collect(),
                ),
                ProblemKind::InvalidValue(InvalidValue::ImplausibleYear { year }),
            ));
        }
    }

    fn within<T: Serialize + ?Sized>(&mut self, seg: Step, value: &T) -> Result<(), fmt::Error> {
        self.path.push(seg);
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// The year of a date written `[+-]YYYY-MM-DD` (as chrono writes them), or `None` for any other
/// text (a time of day, ...).
fn year_of(s: &str) -> Option<i32> {
    let (year, rest) = s.rsplit_once('-')?.0.rsplit_once('-')?;
    let md_ok = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    let day = s.rsplit_once('-')?.1;
    let digits = year.trim_start_matches(['+', '-']);
    if !md_ok(rest) || !md_ok(day) || digits.is_empty() || digits.len() + 1 < year.len() {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    year.parse().ok()
}

type R = Result<(), fmt::Error>;

impl<'w, 'p> ser::Serializer for &'w mut Walker<'p> {
    type Ok = ();
    type Error = fmt::Error;
    type SerializeSeq = Seq<'w, 'p>;
    type SerializeTuple = Seq<'w, 'p>;
    type SerializeTupleStruct = Seq<'w, 'p>;
    type SerializeTupleVariant = Seq<'w, 'p>;
    type SerializeMap = Map<'w, 'p>;
    type SerializeStruct = Fields<'w, 'p>;
    type SerializeStructVariant = Fields<'w, 'p>;

    fn serialize_bool(self, _: bool) -> R {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> R {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> R {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> R {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> R {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> R {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> R {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> R {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> R {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> R {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> R {
        Ok(())
    }
    fn serialize_char(self, _: char) -> R {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> R {
        Ok(())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> R {
        self.buf.clear();
        write!(self.buf, "{value}")?;
        self.date_text();
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Ok(())
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        self.within(Step::Field(variant), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'w, 'p>, fmt::Error> {
        Ok(Seq {
            w: self,
            i: 0,
            variant: false,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'w, 'p>, fmt::Error> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'w, 'p>, fmt::Error> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'w, 'p>, fmt::Error> {
        self.path.push(Step::Field(variant));
        Ok(Seq {
            w: self,
            i: 0,
            variant: true,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'w, 'p>, fmt::Error> {
        Ok(Map {
            w: self,
            key: String::new(),
        })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Fields<'w, 'p>, fmt::Error> {
        Ok(Fields {
            w: self,
            variant: false,
            name,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Fields<'w, 'p>, fmt::Error> {
        self.path.push(Step::Field(variant));
        Ok(Fields {
            w: self,
            variant: true,
            name: "",
        })
    }
}

/// The elements of an array.
struct Seq<'w, 'p> {
    w: &'w mut Walker<'p>,
    i: usize,
    /// Whether a variant's name was pushed on the path (popped at the end).
    variant: bool,
}

impl Seq<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        let r = self.w.within(Step::Index(self.i), value);
        self.i += 1;
        r
    }
    fn finish(self) -> R {
        if self.variant {
            self.w.path.pop();
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        self.finish()
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Seq<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Seq<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.element(value)
    }
    fn end(self) -> R {
        self.finish()
    }
}

/// The members of a map: keys are written as text on the path.
struct Map<'w, 'p> {
    w: &'w mut Walker<'p>,
    key: String,
}

impl ser::SerializeMap for Map<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.key = serde_json::to_value(key)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        let key = std::mem::take(&mut self.key);
        self.w.within(Step::Key(key), value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

/// Members of the model's structs (struct, member) with no date anywhere inside, which the
/// walk skips: a dossier has hundreds of thousands of checklist items, and visiting their
/// members was a third of validation. The test `dateless_members_have_no_date` reads the JSON
/// schema of the member's type, so a date added inside later fails it rather than going
/// unchecked.
const DATELESS: [(&str, &str); 1] = [("Checklist", "items")];

/// The members of a struct.
struct Fields<'w, 'p> {
    w: &'w mut Walker<'p>,
    variant: bool,
    /// The struct's name as serde gives it (empty for a variant).
    name: &'static str,
}

impl ser::SerializeStruct for Fields<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        if DATELESS.contains(&(self.name, key)) {
            return Ok(());
        }
        self.w.within(Step::Field(key), value)
    }
    fn end(self) -> R {
        if self.variant {
            self.w.path.pop();
        }
        Ok(())
    }
}

impl ser::SerializeStructVariant for Fields<'_, '_> {
    type Ok = ();
    type Error = fmt::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        self.w.within(Step::Field(key), value)
    }
    fn end(self) -> R {
        self.w.path.pop();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The members the walk skips have no date, however deeply nested (the JSON schema of
    /// their type, definitions included, has no date format); the same probe finds the date
    /// of a checklist, so it would see one added to an item.
    #[test]
    fn dateless_members_have_no_date() {
        let has_date = |schema: &schemars::Schema| {
            serde_json::to_string(schema)
                .unwrap()
                .contains(r#""format":"date"#)
        };
        let checklist = schemars::schema_for!(crate::model::Checklist);
        assert!(has_date(&checklist));
        assert_eq!(DATELESS, [("Checklist", "items")]);
        // The walk knows a struct by the name serde gives it, which the schema's title follows
        // (a `#[serde(rename)]` would change both): a renamed struct would no longer be skipped.
        assert_eq!(
            checklist.get("title").and_then(|t| t.as_str()),
            Some(DATELESS[0].0)
        );
        let items = checklist
            .get("properties")
            .and_then(|p| p.get(DATELESS[0].1));
        assert!(items.is_some(), "{checklist:?}");
        assert!(!has_date(&schemars::schema_for!(
            Vec<crate::model::ChecklistItem>
        )));
    }

    #[test]
    fn years_are_read_from_chrono_text_only() {
        assert_eq!(year_of("2026-02-05"), Some(2026));
        assert_eq!(year_of("0202-05-12"), Some(202));
        assert_eq!(year_of("0000-01-01"), Some(0));
        assert_eq!(year_of("-0001-01-01"), Some(-1));
        assert_eq!(year_of("+12345-01-01"), Some(12345));
        assert_eq!(year_of("08:30"), None);
        assert_eq!(year_of("ab-01-01"), None);
        assert_eq!(year_of("2026-1-01"), None);
    }
}
