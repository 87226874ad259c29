//! Whether an output path names the input file, so a command never writes over its input unasked.

use std::fs;
use std::path::Path;

/// Whether `output` names the existing file `input`: the same canonical path (through `..`,
/// symbolic links, a trailing slash), or on Unix the same file under another hard link.
pub(crate) fn is_the_same_file(input: &Path, output: &Path) -> bool {
    let Ok(input_real) = fs::canonicalize(input) else {
        return false;
    };
    let output_real = fs::canonicalize(output).ok().or_else(|| {
        // OUT does not exist yet: compare where it would be.
        let name = output.file_name()?;
        let folder = match output.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        Some(fs::canonicalize(folder).ok()?.join(name))
    });
    if output_real.as_deref() == Some(input_real.as_path()) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(input), fs::metadata(output)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}
