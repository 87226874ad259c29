//! Copies folders and packs them into reproducible zip files.

use crate::Result;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Removes a folder and everything in it, if it exists.
pub fn remove_dir(dir: &Path) -> Result {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot remove {}: {e}", dir.display())),
    }
}

/// Creates a folder and its parents.
pub fn create_dir(dir: &Path) -> Result {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Writes a file, naming it in the error.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads a file, naming it in the error.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Copies the files under `from` into `to`, keeping those whose path relative to `from` passes `keep`.
pub fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    create_dir(to)?;
    for relative in list_files(from)? {
        if !keep(&relative) {
            continue;
        }
        let target = to.join(&relative);
        if let Some(parent) = target.parent() {
            create_dir(parent)?;
        }
        fs::copy(from.join(&relative), &target).map_err(|e| {
            format!(
                "cannot copy {} to {}: {e}",
                from.join(&relative).display(),
                target.display()
            )
        })?;
    }
    Ok(())
}

/// Packs the files under `dir` into a zip at `zip_path`, paths relative to `dir`.
///
/// Entries are sorted and dated 1980-01-01, so the same files always make the same zip.
pub fn zip_dir(dir: &Path, zip_path: &Path) -> Result {
    use zip::write::SimpleFileOptions;
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", zip_path.display());
    let file = fs::File::create(zip_path).map_err(|e| fail(&e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    for relative in list_files(dir)? {
        // Zip paths use `/` on every system.
        let name: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        zip.start_file(name.join("/"), options)
            .map_err(|e| fail(&e))?;
        zip.write_all(&read(&dir.join(&relative))?)
            .map_err(|e| fail(&e))?;
    }
    zip.finish().map_err(|e| fail(&e))?;
    Ok(())
}

/// The files under `dir`, recursively, as sorted paths relative to `dir`.
pub fn list_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let here = dir.join(&relative);
        let entries =
            fs::read_dir(&here).map_err(|e| format!("cannot list {}: {e}", here.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", here.display()))?;
            let path = relative.join(entry.file_name());
            // `metadata` follows symlinks, so a linked folder is copied like a real one.
            if dir.join(&path).metadata().is_ok_and(|m| m.is_dir()) {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
