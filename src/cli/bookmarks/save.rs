//! Writing files safely: a new file lands whole or not at all (a temporary file in the same
//! folder, then a rename), and a backup never replaces an earlier one.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many `FILE.bak.N` names are tried before giving up.
const MAX_BACKUPS: usize = 10_000;

/// How many temporary names are tried before giving up.
const MAX_TEMPORARY: usize = 100;

/// The permissions a new file gets.
pub enum NewPermissions {
    /// The system's default for a new file (after the umask).
    Default,
    /// Exactly these: those of the file it replaces or backs up.
    Exactly(Permissions),
    /// The default, but none beyond these (a copy of a private file stays private), as `cp`
    /// does for a new file.
    NoMoreThan(Permissions),
}

impl NewPermissions {
    /// Sets them on a file just created, before anything is written to it.
    fn apply(&self, file: &File) -> io::Result<()> {
        match self {
            NewPermissions::Default => Ok(()),
            NewPermissions::Exactly(permissions) => file.set_permissions(permissions.clone()),
            #[cfg(unix)]
            NewPermissions::NoMoreThan(limit) => {
                use std::os::unix::fs::PermissionsExt;
                let mode = file.metadata()?.permissions().mode();
                file.set_permissions(Permissions::from_mode(mode & limit.mode()))
            }
            #[cfg(not(unix))]
            NewPermissions::NoMoreThan(_) => Ok(()),
        }
    }
}

/// Replaces (or creates) `target` with `bytes` in one rename, so a reader sees the old file or
/// the new one, never a part.
pub fn write_atomically(
    target: &Path,
    bytes: &[u8],
    permissions: &NewPermissions,
) -> io::Result<()> {
    let folder = folder_of(target);
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let (mut file, temporary) = create_temporary(&folder, name)?;
    let mut guard = Temporary(Some(temporary));
    // Before any content: a private file's content is never readable by others.
    permissions.apply(&file)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    if let Some(temporary) = guard.0.take() {
        if let Err(error) = fs::rename(&temporary, target) {
            guard.0 = Some(temporary);
            return Err(error);
        }
    }
    sync_folder(&folder);
    Ok(())
}

/// Copies `bytes` (the original's content) to the first free name of `FILE.bak`, `FILE.bak.1`,
/// `FILE.bak.2`, …, never opening an existing file, and returns that name.
pub fn write_backup(
    original: &Path,
    bytes: &[u8],
    permissions: &NewPermissions,
) -> io::Result<PathBuf> {
    for n in 0..MAX_BACKUPS {
        let path = backup_name(original, n);
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        };
        let written = permissions
            .apply(&file)
            .and_then(|()| file.write_all(bytes))
            .and_then(|()| file.sync_all());
        if let Err(error) = written {
            drop(file);
            // Only a file this call created is removed.
            let _ = fs::remove_file(&path);
            return Err(error);
        }
        sync_folder(&folder_of(original));
        return Ok(path);
    }
    Err(too_many_backups(original))
}

/// The name `write_backup` would take now (for a dry run; another program may take it first).
pub fn next_backup_name(original: &Path) -> io::Result<PathBuf> {
    (0..MAX_BACKUPS)
        .map(|n| backup_name(original, n))
        .find(|path| fs::symlink_metadata(path).is_err())
        .ok_or_else(|| too_many_backups(original))
}

/// `FILE.bak` for 0, else `FILE.bak.N`.
fn backup_name(original: &Path, n: usize) -> PathBuf {
    let mut name = OsString::from(original.as_os_str());
    name.push(".bak");
    if n > 0 {
        name.push(format!(".{n}"));
    }
    PathBuf::from(name)
}

fn too_many_backups(original: &Path) -> io::Error {
    io::Error::other(format!(
        "{}.bak and {MAX_BACKUPS} numbered backups after it exist already",
        original.display()
    ))
}

/// The folder a path's file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A new, empty file `.NAME.PID.N.tmp` in `folder`.
fn create_temporary(folder: &Path, name: &std::ffi::OsStr) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..MAX_TEMPORARY {
        let mut temporary = OsString::from(".");
        temporary.push(name);
        temporary.push(format!(".{pid}.{n}.tmp"));
        let path = folder.join(temporary);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Makes a rename or a new file in `folder` durable where the system allows it; failure to do
/// so loses nothing already written, so it is not reported.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// A temporary file removed on drop unless it was renamed into place.
struct Temporary(Option<PathBuf>);

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::backup_name;
    use std::path::Path;

    #[test]
    fn backups_are_numbered_after_the_first() {
        let file = Path::new("dir/bookmarks.html");
        assert_eq!(backup_name(file, 0), Path::new("dir/bookmarks.html.bak"));
        assert_eq!(backup_name(file, 2), Path::new("dir/bookmarks.html.bak.2"));
    }
}
