//! The documentation cannot drift from the command line: every `qms …` command quoted in a
//! shell block of README.md and docs/guide.*.md must parse with the clap definitions of `cli.rs`
//! (names of commands, flags, values of enums, required arguments).

use crate::cli::Cli;
use clap::Parser;
use std::path::PathBuf;

/// The documents whose shell blocks are checked.
const DOCS: [&str; 3] = ["README.md", "docs/guide.vi.md", "docs/guide.en.md"];

/// The lines of the shell code blocks (```sh, ```bash, ```shell, ```console) of a Markdown text,
/// with their line numbers; a line ending in `\` continues on the next.
fn shell_lines(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_shell = false;
    let mut in_other = false;
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match fence {
            Some(lang) if !in_shell && !in_other => {
                in_shell = matches!(lang.trim(), "sh" | "bash" | "shell" | "console");
                in_other = !in_shell;
                continue;
            }
            Some(_) => {
                in_shell = false;
                in_other = false;
                continue;
            }
            None => {}
        }
        if !in_shell {
            continue;
        }
        let (number, mut text) = pending.take().unwrap_or((i + 1, String::new()));
        text.push_str(line.trim_start_matches("$ "));
        match text.strip_suffix('\\') {
            Some(head) => pending = Some((number, format!("{head} "))),
            None => out.push((number, text)),
        }
    }
    out
}

/// The commands of one shell line as lists of words, quotes removed: split at unquoted `|`,
/// `||`, `;`, `&&`, `&`; a redirection (`>`, `>>`, `<`, `2>`) or a comment ends a command's
/// words.
fn commands(line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word: Option<String> = None;
    let mut redirected = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    w.push(q);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        _ => w.push(q),
                    }
                }
            }
            '#' if word.is_none() => break,
            ' ' | '\t' => finish_word(&mut word, &mut words, redirected),
            '>' | '<' => {
                // "2>" redirects standard error: the 2 is not an argument.
                if word
                    .as_deref()
                    .is_some_and(|w| w.chars().all(|d| d.is_ascii_digit()))
                {
                    word = None;
                }
                finish_word(&mut word, &mut words, redirected);
                redirected = true;
            }
            '|' | ';' | '&' => {
                finish_word(&mut word, &mut words, redirected);
                if !words.is_empty() {
                    out.push(std::mem::take(&mut words));
                }
                redirected = false;
            }
            _ => word.get_or_insert_with(String::new).push(c),
        }
    }
    finish_word(&mut word, &mut words, redirected);
    if !words.is_empty() {
        out.push(words);
    }
    out
}

fn finish_word(word: &mut Option<String>, words: &mut Vec<String>, redirected: bool) {
    if let Some(w) = word.take().filter(|_| !redirected) {
        words.push(w);
    }
}

/// The arguments a command gives `qms` (the program name first): `qms …` itself, or
/// `cargo run … -p qms-cli -- …`.
fn qms_args(words: &[String]) -> Option<Vec<String>> {
    match words.first().map(String::as_str) {
        Some("qms") => Some(words.to_vec()),
        Some("cargo")
            if words.iter().any(|w| w == "qms-cli") && words.get(1).is_some_and(|w| w == "run") =>
        {
            let dashes = words.iter().position(|w| w == "--")?;
            Some(
                std::iter::once("qms".to_string())
                    .chain(words[dashes + 1..].iter().cloned())
                    .collect(),
            )
        }
        _ => None,
    }
}

#[test]
fn every_command_quoted_in_the_readme_and_the_guides_parses() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut failures = Vec::new();
    for doc in DOCS {
        let text = std::fs::read_to_string(root.join(doc)).unwrap_or_default();
        let mut checked = 0;
        for (number, line) in shell_lines(&text) {
            for args in commands(&line).iter().filter_map(|w| qms_args(w)) {
                checked += 1;
                if let Err(e) = Cli::try_parse_from(&args) {
                    let first = e.to_string().lines().next().unwrap_or_default().to_string();
                    failures.push(format!("{doc}:{number}: `{}`: {first}", args.join(" ")));
                }
            }
        }
        // A broken extractor must not pass by checking nothing.
        assert!(
            checked >= 10,
            "{doc}: only {checked} qms commands found in its shell blocks"
        );
    }
    assert!(
        failures.is_empty(),
        "these commands of the documentation do not parse with the qms command line (crates/qms-cli/src/cli.rs); \
         correct the documents, or the CLI if it lost a command or flag:\n{}",
        failures.join("\n")
    );
}

#[test]
fn commands_are_split_at_pipes_and_redirections_with_quotes_removed() {
    let words = |s: &str| {
        commands(s)
            .into_iter()
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(r#"echo '{"op":"clauses"}' | qms api   # the JSON API"#),
        ["echo {\"op\":\"clauses\"}", "qms api"]
    );
    assert_eq!(
        words("qms schema > s.json; qms man 2>/dev/null > qms.1"),
        ["qms schema", "qms man"]
    );
    assert_eq!(
        words(r#"qms init --agency "Ủy ban nhân dân xã Hòa Bình" -o ho-so.json"#),
        ["qms init --agency Ủy ban nhân dân xã Hòa Bình -o ho-so.json"]
    );
    assert_eq!(commands(r#"qms init --agency "A B""#)[0][3], "A B");
    assert_eq!(
        words("jq -e '.a | .b' x && mv a b"),
        ["jq -e .a | .b x", "mv a b"]
    );
    let cargo: Vec<String> = [
        "cargo",
        "run",
        "--release",
        "-p",
        "qms-cli",
        "--",
        "demo",
        "-o",
        "demo",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        qms_args(&cargo).map(|a| a.join(" ")).as_deref(),
        Some("qms demo -o demo")
    );
}

#[test]
fn shell_blocks_are_found_and_continued_lines_joined() {
    let md = "text\n```sh\nqms rollup --dir d/ \\\n    -o x.xlsx\n```\n```text\nqms check not a command\n```\n";
    let lines = shell_lines(md);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].0, 3);
    assert_eq!(lines[0].1, "qms rollup --dir d/      -o x.xlsx");
    // And a command the CLI does not have is caught.
    assert!(Cli::try_parse_from(["qms", "render", "plan", "x.json", "--no-such-flag"]).is_err());
}
