//! `plans`: the AI Plan Compare dataset on the command line.
//!
//! `plans export --format json` prints the whole dataset; `--format csv` prints the figures table.
//! The schema is documented in `docs/data-format.md`.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: plans export [--format json|csv]

  export --format json   print the whole dataset (plans, outline, items, targets, vocabulary) as JSON
  export --format csv    print the figures table as CSV (UTF-8)
  --help                 show this message";

enum Format {
    Json,
    Csv,
}

fn parse(args: &[String]) -> Result<Option<Format>, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("--help" | "-h" | "help") => return Ok(None),
        Some("export") => {}
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".into()),
    }
    let mut format = Format::Json;
    while let Some(arg) = args.next() {
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
    Ok(Some(format))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match parse(&args) {
        Ok(Some(format)) => format,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("plans: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let data = plan_analysis::export::dataset(&plan_extract::extract_seeds());
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
    fn parses_formats_and_rejects_garbage() {
        assert!(matches!(parse(&args("export")), Ok(Some(Format::Json))));
        assert!(matches!(
            parse(&args("export --format csv")),
            Ok(Some(Format::Csv))
        ));
        assert!(matches!(
            parse(&args("export --format=json")),
            Ok(Some(Format::Json))
        ));
        assert!(matches!(parse(&args("--help")), Ok(None)));
        for bad in [
            "",
            "import",
            "export --format xml",
            "export --format",
            "export --verbose",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
