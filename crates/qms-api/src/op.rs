//! The ops: one list, from which the op names, the typed request enum, its parser and the
//! request schema are all generated. Adding an op is one line here and one arm in
//! [`crate::call`]'s dispatch.
//!
//! Why not `#[derive(Deserialize)] #[serde(tag = "op")]`: an internally tagged enum buffers
//! its content, and a buffered value cannot lend out the dossier's exact text (`RawValue`),
//! which problems need for their line numbers. So the op is read first, then its shape.

use crate::error::ApiError;
use crate::request::*;
use schemars::JsonSchema;
use serde::Deserialize;
use std::borrow::Cow;

macro_rules! ops {
    (@dossier $r:ident dossier) => { Some(&mut $r.dossier) };
    (@dossier $r:ident) => { None };
    ($( $variant:ident($name:literal) => $shape:ty $([$d:ident])?, )*) => {
        /// The name of an op, as the request's `op` member gives it.
        ///
        /// ```
        /// assert_eq!(qms_api::OpName::ImportChecklist.as_str(), "import-checklist");
        /// assert!(qms_api::OpName::ALL.len() >= 14);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
        pub enum OpName {
            $(
                #[doc = concat!("`", $name, "`")]
                #[serde(rename = $name)]
                $variant,
            )*
        }

        impl OpName {
            /// Every op, in the documented order.
            pub const ALL: &'static [OpName] = &[$(OpName::$variant),*];

            /// The op's name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(OpName::$variant => $name,)*
                }
            }
        }

        /// A parsed request: the op and its typed members.
        pub enum Op<'a> {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant($shape),
            )*
        }

        impl<'a> Op<'a> {
            fn parse_shape(name: OpName, text: &'a str) -> Result<Op<'a>, ApiError> {
                Ok(match name {
                    $(OpName::$variant => Op::$variant(crate::parse::from_str(text)?),)*
                })
            }

            /// The op's name.
            pub fn name(&self) -> OpName {
                match self {
                    $(Op::$variant(_) => OpName::$variant,)*
                }
            }

            /// The request's dossier, for ops that take one (marked `[dossier]` in the list).
            fn dossier_mut(&mut self) -> Option<&mut DossierArg<'a>> {
                match self {
                    $(Op::$variant(_r) => ops!(@dossier _r $($d)?),)*
                }
            }
        }

        /// Every request, for the schema only (parsing goes through [`Op::parse`]).
        #[derive(JsonSchema)]
        #[serde(untagged)]
        #[allow(dead_code)] // never constructed: it exists to describe the requests
        pub(crate) enum RequestSchema<'a> {
            $($variant($shape),)*
        }
    };
}

// The one list of ops. `[dossier]` marks the shapes with a `dossier` member, whose position
// in the request is recorded for line numbers.
ops! {
    Validate("validate") => ValidateRequest<'a> [dossier],
    Check("check") => CheckRequest<'a> [dossier],
    Rules("rules") => RulesRequest,
    Explain("explain") => ExplainRequest,
    Clauses("clauses") => ClausesRequest,
    Correlate("correlate") => CorrelateRequest,
    Convert("convert") => ConvertRequest<'a> [dossier],
    Init("init") => InitRequest,
    ChecklistNew("checklist-new") => ChecklistNewRequest<'a> [dossier],
    ExportChecklist("export-checklist") => ExportChecklistRequest<'a> [dossier],
    ImportChecklist("import-checklist") => ImportChecklistRequest<'a> [dossier],
    Render("render") => RenderRequest<'a> [dossier],
    RenderAll("render-all") => RenderAllRequest<'a> [dossier],
    Sample("sample") => SampleRequest,
    Schema("schema") => SchemaRequest,
    Transition("transition") => TransitionRequest<'a> [dossier],
    Rollup("rollup") => crate::rollup::RollupRequest<'a>,
}

impl OpName {
    /// The op with a name.
    pub fn parse(name: &str) -> Option<OpName> {
        OpName::ALL.iter().copied().find(|o| o.as_str() == name)
    }

    /// "validate, check, ...": for messages.
    pub fn list() -> String {
        OpName::ALL
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Only the op, read first (unknown members are the shape's business).
#[derive(Deserialize)]
pub(crate) struct Head<'a> {
    #[serde(borrow)]
    pub(crate) op: Cow<'a, str>,
}

/// The language a request asks for, read leniently (for the messages of its errors).
pub(crate) fn lang_of(text: &str) -> qms_core::Lang {
    #[derive(Deserialize)]
    struct LangOnly {
        #[serde(default)]
        lang: Option<qms_core::Lang>,
    }
    serde_json::from_str::<LangOnly>(text)
        .ok()
        .and_then(|l| l.lang)
        .unwrap_or_default()
}

impl<'a> Op<'a> {
    /// Reads a request: its op first, then the op's shape. An inline dossier is located in
    /// `text` so that problems name the request's own lines.
    ///
    /// ```
    /// let op = qms_api::Op::parse(r#"{"op": "rules", "lang": "en"}"#).unwrap();
    /// assert_eq!(op.name(), qms_api::OpName::Rules);
    /// let e = qms_api::Op::parse(r#"{"op": "fly"}"#).err().unwrap();
    /// assert_eq!(e.code(), "unknown-op");
    /// ```
    pub fn parse(text: &'a str) -> Result<Op<'a>, ApiError> {
        let head: Head<'_> = head(text)?;
        let name = OpName::parse(&head.op).ok_or_else(|| ApiError::UnknownOp {
            op: head.op.clone().into_owned(),
        })?;
        let mut op = Op::parse_shape(name, text)?;
        if let Some(d) = op.dossier_mut() {
            d.locate(text);
        }
        Ok(op)
    }
}

/// The op member, with a precise error when it is missing or not a string.
pub(crate) fn head(text: &str) -> Result<Head<'_>, ApiError> {
    // serde would read a struct from an array too; a request is an object.
    if text.trim_start().starts_with('[') {
        return Err(ApiError::bad(crate::error::RequestFault::NotAnObject, "$"));
    }
    crate::parse::from_str(text)
}
