//! `plans`: the AI Plan Compare dataset on the command line.
//!
//! `plans export --format json` prints the whole dataset of the bundled plans; `--format csv`
//! prints the figures table. `plans extract FILE...` does the same for the user's own files, read
//! by `plan_import` (plain text in UTF-8, UTF-16 or GB18030, saved web pages, .docx). The schema is
//! documented in `docs/data-format.md`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use plan_model::Plan;

const USAGE: &str = "usage: plans export [--format json|csv]
       plans extract FILE... [--format json|csv]

  export                 the bundled plans
  extract FILE...        your own plans: .txt (UTF-8, UTF-16 with BOM, GBK/GB18030), a web page
                         saved as .html, or .docx; each file's name is its plan's source and id.
                         A file that cannot be read is named on stderr (exit code 1); the others
                         are still extracted and printed
  --format json          the whole dataset (plans, outline, items, targets, vocabulary) as JSON
                         (the default)
  --format csv           the figures table as CSV (UTF-8)
  --help                 show this message";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Export(Format),
    Extract { files: Vec<String>, format: Format },
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    let extract = match args.next().map(String::as_str) {
        Some("--help" | "-h" | "help") => return Ok(Command::Help),
        Some("export") => false,
        Some("extract") => true,
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".into()),
    };
    let mut format = Format::Json;
    let mut files = Vec::new();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if extract && (only_files || !arg.starts_with("--")) {
            files.push(arg.clone());
            continue;
        }
        if extract && arg == "--" {
            only_files = true;
            continue;
        }
        let value = match arg.as_str() {
            "--format" => args
                .next()
                .map(String::as_str)
                .ok_or("`--format` needs a value: json or csv")?,
            other => match other.strip_prefix("--format=") {
                Some(value) => value,
                None => return Err(format!("unknown argument `{other}`")),
            },
        };
        format = match value {
            "json" => Format::Json,
            "csv" => Format::Csv,
            other => return Err(format!("unknown format `{other}`: use json or csv")),
        };
    }
    match (extract, files.is_empty()) {
        (false, _) => Ok(Command::Export(format)),
        (true, true) => Err("`extract` needs at least one file".into()),
        (true, false) => Ok(Command::Extract { files, format }),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Export(format)) => print(&plan_extract::extract_seeds(), format),
        Ok(Command::Extract { files, format }) => {
            let (plans, all_read) = extract(&files);
            let printed = print(&plans, format);
            if all_read {
                printed
            } else {
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("plans: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads and extracts each file; one that cannot be read is named on stderr and skipped.
/// Returns the plans and whether every file was read.
fn extract(files: &[String]) -> (Vec<Plan>, bool) {
    let mut plans: Vec<Plan> = Vec::new();
    let mut all_read = true;
    for path in files {
        match read_plan(path, &plans) {
            Ok(plan) => plans.push(plan),
            Err(message) => {
                eprintln!("plans: cannot read {path}: {message}");
                all_read = false;
            }
        }
    }
    (plans, all_read)
}

fn read_plan(path: &str, earlier: &[Plan]) -> Result<Plan, String> {
    // The base name is the plan's source, so that its id does not depend on where the file is.
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or("not a file name")?;
    let io_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => e.to_string(),
    };
    // Refuse a huge file before reading it into memory.
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > plan_import::MAX_FILE_BYTES as u64 {
        return Err(plan_import::ImportError::TooLarge { bytes: size }.to_string());
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let imported = plan_import::file_to_text(&name, &bytes).map_err(|e| e.to_string())?;
    let id = plan_model::plan_id(&name);
    if let Some(other) = earlier.iter().find(|p| p.id == id) {
        return Err(format!(
            "its plan id `{id}` is already taken by {} (a plan's id is its file name without the \
             extension): rename one of them",
            other.source
        ));
    }
    Ok(plan_extract::extract_plan(&name, &imported.text))
}

/// Prints the dataset of `plans` in the documented schema.
fn print(plans: &[Plan], format: Format) -> ExitCode {
    let data = plan_analysis::export::dataset(plans);
    let output = match format {
        Format::Json => match serde_json::to_string_pretty(&data) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!("plans: could not serialise the dataset: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Csv => plan_analysis::export::figures_csv(&data),
    };
    match std::io::stdout().lock().write_all(output.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`plans export | head`) is not an error worth a panic.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("plans: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_commands_formats_and_files_and_rejects_garbage() {
        assert_eq!(parse(&args("export")), Ok(Command::Export(Format::Json)));
        assert_eq!(
            parse(&args("export --format csv")),
            Ok(Command::Export(Format::Csv))
        );
        assert_eq!(
            parse(&args("export --format=json")),
            Ok(Command::Export(Format::Json))
        );
        assert_eq!(parse(&args("--help")), Ok(Command::Help));
        assert_eq!(
            parse(&args("extract a.txt --format csv b.docx")),
            Ok(Command::Extract {
                files: vec!["a.txt".into(), "b.docx".into()],
                format: Format::Csv
            })
        );
        assert_eq!(
            parse(&args("extract -- --format")),
            Ok(Command::Extract {
                files: vec!["--format".into()],
                format: Format::Json
            })
        );
        for bad in [
            "",
            "import",
            "export --format xml",
            "export --format",
            "export --verbose",
            "export a.txt",
            "extract",
            "extract --format csv",
            "extract a.txt --format",
            "extract a.txt --verbose",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
