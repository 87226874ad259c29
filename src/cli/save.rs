//! Writing files safely: a new file lands whole or not at all (a temporary file in the same
//! folder, then a rename), a backup never replaces an earlier one, and an output that is a
//! symbolic or hard link is not written through unless asked.

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

/// Refuses an output path that is a symbolic link or one name of a file that has others (a hard
/// link) unless `force`: writing there would change a file the person did not name, perhaps in
/// another folder. With `force`, the path to write: where a symbolic link leads (the link stays).
pub fn output_path(output: &Path, force: bool) -> Result<PathBuf, String> {
    let Ok(metadata) = fs::symlink_metadata(output) else {
        return Ok(output.to_owned());
    };
    let risk = if metadata.file_type().is_symlink() {
        let target = fs::read_link(output)
            .map(|target| target.display().to_string())
            .unwrap_or_else(|_| "somewhere unreadable".to_owned());
        Some(format!(
            "is a symbolic link to {target}: writing would change the file it leads to"
        ))
    } else {
        hard_link_count(&metadata)
            .filter(|&names| names > 1)
            .map(|names| {
                format!("is one of {names} names of one file (a hard link): the others would keep the old content")
            })
    };
    match risk {
        Some(risk) if !force => Err(format!(
            "{}: {risk}; name another file, or add --force to write it anyway",
            output.display()
        )),
        _ => Ok(through_link(output)),
    }
}

#[cfg(unix)]
fn hard_link_count(metadata: &fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    Some(metadata.nlink())
}

#[cfg(not(unix))]
fn hard_link_count(_: &fs::Metadata) -> Option<u64> {
    None
}

/// Where a symbolic link leads, so that writing replaces the file and not the link; the path
/// itself when it is no link or leads nowhere.
pub fn through_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        if let Ok(real) = fs::canonicalize(path) {
            return real;
        }
    }
    path.to_owned()
}

/// The permissions for a file written at `target`: those of the file it replaces, else the
/// default but none beyond `source`'s (a copy of a private file stays private).
pub fn permissions_for(target: &Path, source: Option<&Path>) -> NewPermissions {
    match fs::metadata(target) {
        Ok(existing) => NewPermissions::Exactly(existing.permissions()),
        Err(_) => match source.map(fs::metadata) {
            Some(Ok(source)) => NewPermissions::NoMoreThan(source.permissions()),
            _ => NewPermissions::Default,
        },
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
