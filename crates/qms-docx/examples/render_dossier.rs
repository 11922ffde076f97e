//! Renders every document of a dossier file into a directory (development aid).
//!
//! `cargo run -p qms-docx --example render_dossier -- DOSSIER.json OUT_DIR [en]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read(&args[1]).expect("read dossier");
    let dossier = qms_core::load(&text).expect("valid dossier");
    let mut opts =
        qms_docx::RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    if args.get(3).map(String::as_str) == Some("en") {
        opts.lang = qms_core::Lang::En;
    }
    std::fs::create_dir_all(&args[2]).unwrap();
    for (name, bytes) in qms_docx::render_all(&dossier, &opts).unwrap() {
        std::fs::write(std::path::Path::new(&args[2]).join(&name), bytes).unwrap();
        println!("{name}");
    }
}
