//! `qms completions SHELL` and `qms man`: generated from the same clap definitions as the
//! command itself, so they cannot drift from it.

use crate::Failure;
use crate::localize::localized;
use qms_core::Lang;
use std::io::Write;

pub(crate) fn completions(shell: clap_complete::Shell, lang: Lang) -> Result<(), Failure> {
    let mut cmd = localized(lang);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "qms", &mut out);
    write_stdout(&out)
}

pub(crate) fn man(command: Option<&str>, lang: Lang) -> Result<(), Failure> {
    let root = localized(lang);
    let page = match command {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name) else {
                let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
                return Err(Failure::Usage(format!(
                    "no command \"{name}\"; commands: {}",
                    names.join(", ")
                )));
            };
            sub.clone().display_name(format!("qms-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Failure::Io(anyhow::anyhow!("man page: {e}")))?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::Io(e.into()))
}
