//! Rendering every document of whatever arbitrary bytes load as a valid dossier: each package
//! opens as a zip and every XML part is well-formed (the full ECMA-376 schema check of random
//! valid dossiers runs in the property tests, where Python is at hand).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qms_api::Status;
use std::io::Read;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if qms_core::load(data).is_err() {
        return;
    }
    let request = format!("{{\"op\":\"render-all\",\"today\":\"2026-11-23\",\"dossier\":{text}}}");
    let r = qms_api::call(request.as_bytes(), &[]);
    assert_ne!(r.status, Status::Internal);
    if r.status != Status::Ok {
        return;
    }
    let mut all = zip::ZipArchive::new(std::io::Cursor::new(r.body())).expect("render-all zip");
    for i in 0..all.len() {
        let mut doc = Vec::new();
        all.by_index(i)
            .expect("entry")
            .read_to_end(&mut doc)
            .expect("read");
        let mut pkg =
            zip::ZipArchive::new(std::io::Cursor::new(&doc)).expect("a document is a zip");
        for j in 0..pkg.len() {
            let mut part = pkg.by_index(j).expect("part");
            let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
            if !(name.ends_with(".xml") || name.ends_with(".rels")) {
                continue;
            }
            let mut xml = Vec::new();
            part.read_to_end(&mut xml).expect("inflate");
            well_formed(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
});

fn well_formed(xml: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    if text.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')) {
        return Err("a character XML 1.0 forbids".into());
    }
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    if depth == 0 {
        Ok(())
    } else {
        Err(format!("unbalanced ({depth})"))
    }
}
