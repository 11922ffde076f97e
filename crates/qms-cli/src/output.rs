//! Writing files atomically (temporary file + rename), never overwriting without `--force`.

use anyhow::bail;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `force`.
///
/// The temporary file is created beside the target with an unpredictable name and
/// `O_EXCL` (tempfile), so nobody who can write to the folder can make qms follow a planted
/// symlink; without `force` the final rename refuses to replace a file that appeared
/// meanwhile. Temporary files that a killed qms left for the same target are removed first.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    write_atomic_with(path, force, &mut |w| w.write_all(bytes))
}

/// [`write_atomic`], the content written by `write` as it is made (a 56 MB dossier need not
/// be held whole in memory first); `write` gets the file itself and buffers as it needs.
pub(crate) fn write_atomic_with(
    path: &Path,
    force: bool,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if path.exists() && !force {
        bail!(
            "{} đã tồn tại; dùng --force để ghi đè / {} exists; use --force to overwrite",
            path.display(),
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let prefix = format!(".{name}.");
    remove_stale_temporaries(dir, &prefix);
    // The process id in the name tells a later qms whether the writer is still alive.
    let tmp_prefix = format!("{prefix}{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&tmp_prefix).suffix(TMP_SUFFIX);
    // A temporary file is the owner's alone (0600), and the rename kept that: every document
    // qms wrote was unreadable to the group and to a web server serving the folder. A new
    // file is created as any other (0666 less the umask); one that replaces a file takes
    // its mode.
    let replaced = std::fs::symlink_metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        io_failure(
            format_args!("không tạo được tệp tạm trong {}", dir.display()),
            format_args!("cannot create a temporary file in {}", dir.display()),
            &e,
        )
    })?;
    if let Some(mode) = replaced {
        tmp.as_file().set_permissions(mode).map_err(|e| {
            io_failure(
                format_args!("không đặt được quyền của {}", tmp.path().display()),
                format_args!("cannot set the mode of {}", tmp.path().display()),
                &e,
            )
        })?;
    }
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| {
            io_failure(
                format_args!("không ghi được {}", tmp.path().display()),
                format_args!("cannot write {}", tmp.path().display()),
                &e,
            )
        })?;
    // On error the temporary file is removed when `tmp` (or the error's copy) is dropped.
    let persisted = if force {
        tmp.persist(path).map(drop)
    } else {
        tmp.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| {
        io_failure(
            format_args!("không chuyển được tệp mới vào {}", path.display()),
            format_args!("cannot move the new file to {}", path.display()),
            &e.error,
        )
    })
}

const TMP_SUFFIX: &str = ".qms.tmp";

/// A file operation that failed, in both languages, the system's reason said in Vietnamese
/// too: "không đọc được x.json: không có tệp hoặc thư mục này / cannot read x.json: No such
/// file or directory (os error 2)". The system's own words were English only.
pub(crate) fn io_failure(
    vi: impl std::fmt::Display,
    en: impl std::fmt::Display,
    e: &std::io::Error,
) -> anyhow::Error {
    anyhow::anyhow!("{vi}: {} / {en}: {e}", io_reason_vi(e.kind()))
}

/// The Vietnamese of the reasons a file operation fails.
fn io_reason_vi(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => "không có tệp hoặc thư mục này",
        K::PermissionDenied => "không có quyền truy cập",
        K::AlreadyExists => "đã có tệp trùng tên",
        K::IsADirectory => "đây là một thư mục, không phải tệp",
        K::NotADirectory => "một phần của đường dẫn không phải là thư mục",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::StorageFull | K::QuotaExceeded => "ổ đĩa đã đầy",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        K::InvalidFilename => "tên tệp không hợp lệ",
        K::FileTooLarge => "tệp quá lớn",
        K::InvalidData => "dữ liệu không đọc được",
        K::UnexpectedEof => "tệp kết thúc sớm",
        K::BrokenPipe => "đầu ra đã bị đóng",
        K::Interrupted => "bị ngắt giữa chừng",
        K::OutOfMemory => "không đủ bộ nhớ",
        _ => "lỗi của hệ thống",
    }
}

/// Removes `.NAME.PID.*.qms.tmp` files that a qms killed in the middle of writing NAME left
/// behind: those whose process is gone (or, where that cannot be known, older than a minute).
fn remove_stale_temporaries(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let n = file_name.to_string_lossy();
        let Some(rest) = n.strip_prefix(prefix) else {
            continue;
        };
        if !n.ends_with(TMP_SUFFIX) {
            continue;
        }
        let writer_gone = rest
            .split('.')
            .next()
            .and_then(|pid| pid.parse::<u32>().ok())
            .and_then(process_alive)
            .map(|alive| !alive);
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age.as_secs() > 60);
        // Only plain files: never follow or remove what a symlink points at.
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if plain && writer_gone.unwrap_or(old) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process runs, where the system tells (Linux's /proc); `None` elsewhere.
fn process_alive(pid: u32) -> Option<bool> {
    let proc_root = Path::new("/proc");
    proc_root
        .join("self")
        .exists()
        .then(|| proc_root.join(pid.to_string()).exists())
}

/// Text for a terminal: control characters (ESC, BEL, CR, C1 controls) and bidirectional
/// overrides from a dossier or a workbook are shown as escapes, so they can neither clear
/// the screen nor fake a line of output. Line feeds and tabs stay.
pub(crate) fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Reads a whole file, naming it in the error.
pub(crate) fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        io_failure(
            format_args!("không đọc được {}", path.display()),
            format_args!("cannot read {}", path.display()),
            &e,
        )
    })
}

/// Creates a folder and its parents, or says why not in both languages.
pub(crate) fn create_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        io_failure(
            format_args!("không tạo được thư mục {}", dir.display()),
            format_args!("cannot create {}", dir.display()),
            &e,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("phòng\tA\nB"), "phòng\tA\nB");
        assert_eq!(
            terminal_safe("x\u{1b}[2J\u{7}y\r\u{9b}z\u{202e}"),
            "x\\u{1b}[2J\\u{7}y\\u{d}\\u{9b}z\\u{202e}"
        );
    }

    #[test]
    fn file_failures_give_the_systems_reason_in_vietnamese_too() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("khong-co.json");
        let text = format!(
            "{:#}",
            read(&missing).err().unwrap_or_else(|| panic!("read"))
        );
        assert!(
            text.contains("không đọc được")
                && text.contains("không có tệp hoặc thư mục này")
                && text.contains("/ cannot read"),
            "{text}"
        );
        let text = format!(
            "{:#}",
            read(dir.path()).err().unwrap_or_else(|| panic!("dir"))
        );
        assert!(text.contains("đây là một thư mục"), "{text}");
        // A folder under a file cannot be made.
        let file = dir.path().join("tep");
        std::fs::write(&file, b"").unwrap_or_else(|e| panic!("{e}"));
        let text = format!(
            "{:#}",
            create_dir(&file.join("con"))
                .err()
                .unwrap_or_else(|| panic!("mkdir"))
        );
        assert!(
            text.contains("không tạo được thư mục")
                && text.contains("một phần của đường dẫn không phải là thư mục"),
            "{text}"
        );
    }

    #[test]
    fn writes_are_atomic_refuse_symlinks_and_clean_stale_temporaries() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("ho-so.json");
        let stale = dir.path().join(".ho-so.json.abc123.qms.tmp");
        std::fs::write(&stale, b"half").unwrap_or_else(|e| panic!("{e}"));
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&target, b"one", false).unwrap_or_else(|e| panic!("{e}"));
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(write_atomic(&target, b"two", false).is_err());
        write_atomic(&target, b"two", true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&target).unwrap_or_default(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| {
                std::fs::metadata(p)
                    .map(|m| m.permissions().mode() & 0o777)
                    .unwrap_or_else(|e| panic!("{e}"))
            };
            // A new file as any other, readable by the group and others under the usual
            // umask: not the temporary file's 0600.
            let umask = {
                let probe = dir.path().join("probe");
                std::fs::write(&probe, b"").unwrap_or_else(|e| panic!("{e}"));
                let m = mode(&probe);
                std::fs::remove_file(&probe).unwrap_or_else(|e| panic!("{e}"));
                m
            };
            let fresh = dir.path().join("moi.json");
            write_atomic(&fresh, b"x", false).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                mode(&fresh),
                umask,
                "a new file gets the mode std::fs::write gives"
            );
            std::fs::remove_file(&fresh).unwrap_or_else(|e| panic!("{e}"));
            // A replaced file keeps its mode.
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640))
                .unwrap_or_else(|e| panic!("{e}"));
            write_atomic(&target, b"three", true).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(mode(&target), 0o640);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }
}
