//! The command line in the user's language: help texts from [`crate::help_text`] chosen by
//! `--lang` or the environment, put on the clap definitions of [`crate::cli`] at run time, so
//! that `--help`, `qms help`, completions and the man page all speak it.

use crate::cli::Cli;

/// The arguments of this run, with help texts in the language `--lang` or the environment
/// asks for. `qms help CMD` is answered here, in that language, too.
pub(crate) fn parse() -> Cli {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cmd = localized(help_lang(&args, env_lang()));
    let matches = cmd
        .try_get_matches_from_mut(&args)
        .unwrap_or_else(|e| e.exit());
    if let Some(("help", m)) = matches.subcommand() {
        let mut page = cmd.clone();
        // Built, so that each command's usage line says "qms checklist export".
        page.build();
        for name in m.get_many::<String>("command").into_iter().flatten() {
            match page.find_subcommand(name) {
                Some(sub) => page = sub.clone(),
                None => break,
            }
        }
        let _ = page.print_help();
        std::process::exit(0);
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut cmd).exit())
}

/// The language of the help: `--lang vi|en` anywhere on the command line, else the
/// environment's.
pub(crate) fn help_lang(args: &[std::ffi::OsString], env: qms_core::Lang) -> qms_core::Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(w) = words.next() {
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(l) = value.and_then(qms_core::Lang::parse) {
            return l;
        }
    }
    env
}

/// The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is
/// set; "vi…" is Vietnamese, "en…" English; anything else (C, POSIX, unset) the default,
/// Vietnamese (DESIGN.md).
pub(crate) fn env_lang() -> qms_core::Lang {
    let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    lang_of_locale(var.as_deref())
}

/// "vi_VN.UTF-8" → Vietnamese, "en_US.UTF-8" → English, others → Vietnamese.
pub(crate) fn lang_of_locale(locale: Option<&str>) -> qms_core::Lang {
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("en") => qms_core::Lang::En,
        _ => qms_core::Lang::Vi,
    }
}

/// The command with every help text in `lang`: the same arguments as the derive, so
/// completions and the man page come from it too.
pub(crate) fn localized(lang: qms_core::Lang) -> clap::Command {
    use clap::CommandFactory;
    let pick =
        |key: &str| crate::help_text::lookup(key).map(|(vi, en)| lang.pick(vi, en).to_owned());
    let cmd = Cli::command()
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version),
        )
        .subcommand(
            clap::Command::new("help")
                .arg(
                    clap::Arg::new("command")
                        .num_args(..)
                        .action(clap::ArgAction::Append),
                )
                .arg(clap::Arg::new("lang").long("lang").value_name("LANG")),
        );
    translate(cmd, "", lang, &pick)
}

fn translate(
    cmd: clap::Command,
    path: &str,
    lang: qms_core::Lang,
    pick: &dyn Fn(&str) -> Option<String>,
) -> clap::Command {
    let (args, options, commands, usage) = match lang {
        qms_core::Lang::Vi => ("Đối số", "Tùy chọn", "Lệnh", "Cách dùng:"),
        qms_core::Lang::En => ("Arguments", "Options", "Commands", "Usage:"),
    };
    let mut cmd = cmd
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help),
        )
        .subcommand_help_heading(commands)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    if let Some(about) = pick(path) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = pick(&format!("{path}.{id}"));
        let heading = if positional { args } else { options };
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help_heading(heading);
            let a = match text {
                Some(t) => a.help(t).long_help(None::<&str>),
                None => a,
            };
            match lang {
                qms_core::Lang::Vi => vietnamese_brackets(a),
                qms_core::Lang::En => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |c| translate(c, &sub_path, lang, pick));
    }
    cmd
}

/// clap prints "[default: …]" and "[possible values: …]" in English whatever the help's
/// language: in Vietnamese help they are written into the text instead, and clap's hidden.
fn vietnamese_brackets(a: clap::Arg) -> clap::Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut extra = String::new();
    if !a.is_hide_possible_values_set() {
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            extra.push_str(&format!(" [giá trị: {}]", values.join(", ")));
        }
    }
    if !a.is_hide_default_value_set() {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            extra = format!(" [mặc định: {}]{extra}", defaults.join(", "));
        }
    }
    if extra.is_empty() {
        return a;
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    a.help(format!("{help}{extra}"))
        .hide_default_value(true)
        .hide_possible_values(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use qms_core::Lang;

    #[test]
    fn vietnamese_help_says_defaults_and_values_in_vietnamese() {
        let help = |lang| {
            let mut cmd = localized(lang);
            // Propagates the global arguments (--lang, --quiet) into the subcommands.
            cmd.build();
            let sub = cmd
                .find_subcommand_mut("sample")
                .map(|c| c.render_help().to_string());
            sub.unwrap_or_default()
        };
        let vi = help(Lang::Vi);
        assert!(vi.contains("[mặc định: 1000]"), "{vi}");
        assert!(vi.contains("[giá trị: text, json]"), "{vi}");
        assert!(
            !vi.contains("[default:") && !vi.contains("possible values"),
            "{vi}"
        );
        let en = help(Lang::En);
        assert!(en.contains("[default: 1000]"), "{en}");
    }

    /// Every command and every argument, with the key of its text.
    fn keys(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_owned());
        for a in cmd.get_arguments() {
            out.push(format!("{path}.{}", a.get_id()));
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            keys(sub, &p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_both_texts() {
        let mut all = Vec::new();
        keys(&localized(Lang::Vi), "", &mut all);
        assert!(all.len() > 150, "{}", all.len());
        let missing: Vec<&String> = all
            .iter()
            .filter(|k| {
                crate::help_text::lookup(k).is_none_or(|(vi, en)| vi.is_empty() || en.is_empty())
            })
            .collect();
        assert!(missing.is_empty(), "no help text for {missing:?}");
        // The two languages really differ, and the help shown is the one asked for.
        for (key, vi, en) in crate::help_text::TEXTS {
            assert_ne!(vi, en, "{key}");
        }
        let vi = localized(Lang::Vi);
        let check = vi
            .find_subcommand("check")
            .map(|c| c.get_about().map(ToString::to_string));
        assert_eq!(
            check.flatten().as_deref(),
            crate::help_text::lookup("check").map(|t| t.0)
        );
    }

    #[test]
    fn the_help_language_comes_from_lang_then_the_environment() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            help_lang(&args(&["qms", "check", "--lang", "en"]), Lang::Vi),
            Lang::En
        );
        assert_eq!(
            help_lang(&args(&["qms", "--lang=vi", "-h"]), Lang::En),
            Lang::Vi
        );
        assert_eq!(help_lang(&args(&["qms", "-h"]), Lang::En), Lang::En);
        assert_eq!(lang_of_locale(Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(lang_of_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(lang_of_locale(Some("C.UTF-8")), Lang::Vi);
        assert_eq!(lang_of_locale(None), Lang::Vi);
    }
}
