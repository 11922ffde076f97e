//! English documents read as English where the text is ours: audit titles and signature
//! titles. Dossier content with no English text (unit names, findings) stays as written.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_core::Lang;
use std::path::Path;
use support::*;

const EXAMPLES: [&str; 3] = [
    "so-khcn-ninh-binh",
    "ubnd-phuong-my-tho-2015",
    "ubnd-xa-tan-thanh-2008",
];

fn example(name: &str) -> qms_core::Dossier {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../examples/{name}.json"));
    qms_core::load(&std::fs::read(path).unwrap()).unwrap()
}

fn english() -> qms_docx::RenderOptions {
    let mut o = opts();
    o.lang = Lang::En;
    o
}

/// A letter English does not use.
fn vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{c0}'..='\u{1ef9}') && c.is_alphabetic())
}

/// The text of the paragraphs of style `Sign` (the signature blocks' title lines and names).
fn sign_lines(docx: &[u8]) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    xml.split("</w:p>")
        .filter(|p| p.contains("<w:pStyle w:val=\"Sign\"/>"))
        .map(|p| {
            let mut text = String::new();
            for t in p.split("<w:t").skip(1) {
                if t.starts_with('>') || t.starts_with(' ') {
                    let start = t.find('>').unwrap() + 1;
                    text.push_str(&t[start..t.find("</w:t>").unwrap()]);
                }
            }
            text
        })
        .collect()
}

#[test]
fn signature_titles_are_english_when_the_signers_names_are_the_only_vietnamese() {
    let mut titles = 0;
    for name in EXAMPLES {
        let d = example(name);
        let people: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
        for (doc, bytes) in qms_docx::render_all(&d, &english()).unwrap() {
            for line in sign_lines(&bytes) {
                if line.is_empty() || people.contains(&line.as_str()) {
                    continue;
                }
                titles += 1;
                assert!(!vietnamese(&line), "{name} {doc}: signature title {line:?}");
            }
        }
    }
    assert!(titles > 20, "only {titles} signature titles");
}

#[test]
fn the_head_signs_with_the_title_of_their_kind_of_agency() {
    // No `english.positions` in these two dossiers: the head of a department signs as its
    // Director, of a commune as Chairperson of the Commune People's Committee.
    for (name, title) in [
        ("so-khcn-ninh-binh", "DIRECTOR"),
        (
            "ubnd-xa-tan-thanh-2008",
            "CHAIRPERSON OF THE COMMUNE PEOPLE’S COMMITTEE",
        ),
    ] {
        let d = example(name);
        let mut lines = Vec::new();
        for (_, bytes) in qms_docx::render_all(&d, &english()).unwrap() {
            lines.extend(sign_lines(&bytes));
        }
        assert!(lines.iter().any(|l| l == title), "{name}: {lines:?}");
        // The team decision names its issuer the same way.
        let decision = qms_docx::render_all(&d, &english())
            .unwrap()
            .into_iter()
            .find(|(doc, _)| doc.contains("quyet-dinh"))
            .map(|(_, bytes)| paragraphs(&bytes))
            .unwrap();
        assert!(decision.iter().any(|p| p == title), "{name}: {decision:?}");
        assert!(!decision.iter().any(|p| p.contains("HEAD OF THE AGENCY")));
        assert!(
            !lines.iter().any(|l| l.contains("HEAD OF THE AGENCY")),
            "{name}: {lines:?}"
        );
    }
}

#[test]
fn audit_titles_are_english_made_or_the_dossiers_english_one() {
    for name in EXAMPLES {
        let mut d = example(name);
        let audit = d.audits.first().unwrap().clone();
        assert!(
            vietnamese(&audit.title),
            "{name}: the example's title is Vietnamese"
        );
        let docs = qms_docx::render_all(&d, &english()).unwrap();
        let mut seen = 0;
        for (doc, bytes) in &docs {
            let text = paragraphs(bytes).join("\n");
            assert!(
                !text.contains(&audit.title),
                "{name} {doc}: the Vietnamese audit title in an English document"
            );
            seen += usize::from(text.contains("Internal audit "));
        }
        assert!(
            seen >= 3,
            "{name}: the made title appears in {seen} documents"
        );
        // Vietnamese documents keep the recorded title.
        let vi = qms_docx::render_all(&d, &opts()).unwrap();
        assert!(
            vi.iter()
                .any(|(_, b)| paragraphs(b).join("\n").contains(&audit.title))
        );
        // The dossier's English title wins.
        d.english
            .audits
            .insert(audit.id.clone(), "Spring QMS audit".to_owned());
        let report = qms_docx::render(
            qms_docx::DocumentKind::Report,
            qms_docx::Target::Audit(&audit.id),
            &d,
            &english(),
        )
        .unwrap();
        let text = paragraphs(&report).join("\n");
        assert!(text.contains("Audit results: Spring QMS audit"), "{name}");
    }
}

/// An English organisation name runs in a sentence with its article: "the People's Committee
/// of My Tho Ward held the meeting", never "…, People's Committee of My Tho Ward held"; a
/// name that opens a line or follows a dash (the audit client: "Chairman – People's
/// Committee of …") stands alone.
#[test]
fn the_agencys_english_name_takes_its_article_in_a_sentence() {
    let d = example("ubnd-phuong-my-tho-2015");
    let name = d.english.agency.clone().unwrap();
    assert!(name.starts_with("People's Committee"), "{name}");
    let mut docs: Vec<(String, Vec<u8>)> = qms_docx::render_all(&d, &english())
        .unwrap()
        .into_iter()
        .map(|(doc, bytes)| (format!("{doc:?}"), bytes))
        .collect();
    // The province's inspection minutes name it too.
    let o = english();
    let opts = qms_core::rollup::RollupOptions {
        year: 2025,
        today: o.today,
    };
    let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today: o.today });
    let row = qms_core::rollup::summarize("x.json", &d, &diags, &opts);
    let issuer = qms_docx::RollupIssuer::new("Đồng Tháp");
    docs.push((
        "inspection minutes".into(),
        qms_docx::render_inspection_minutes(&d, &row, &diags, &issuer, &o).unwrap(),
    ));
    let mut seen = 0;
    for (doc, bytes) in &docs {
        for p in paragraphs(bytes) {
            for (at, _) in p.match_indices(&name) {
                seen += 1;
                let before = &p[..at];
                assert!(
                    before.is_empty()
                        || before.ends_with("the ")
                        || before.ends_with("The ")
                        || before.ends_with("– "),
                    "{doc}: {p}"
                );
            }
        }
    }
    assert!(seen >= 8, "{seen}");
}
