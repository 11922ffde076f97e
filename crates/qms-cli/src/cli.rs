//! The arguments (DESIGN.md §9: these names and flags are a contract).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Hệ thống quản lý chất lượng TCVN ISO 9001 của cơ quan hành chính nhà nước: đánh giá nội bộ,
/// xem xét của lãnh đạo và hồ sơ / TCVN ISO 9001 quality management for state agencies:
/// internal audits, management reviews and their records.
#[derive(Parser, Debug)]
#[command(name = "qms", version, long_about = None)]
pub(crate) struct Cli {
    /// No progress bars and no informational lines; errors are still printed.
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Write a starter dossier / Tạo hồ sơ mẫu ban đầu.
    Init {
        /// Agency name (tên cơ quan).
        #[arg(long, default_value = "Tên cơ quan")]
        agency: String,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write "$schema": REF so editors check the dossier, e.g. ./dossier.schema.json
        /// after `qms schema > dossier.schema.json`.
        #[arg(long, value_name = "REF")]
        schema: Option<String>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Parse a dossier and check its integrity; every problem at once, with JSON paths.
    Validate {
        /// The dossier (JSON).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Run the rules: what is missing, late or wrong, citing the requirement.
    /// Exit 1 when an error-severity diagnostic exists.
    Check {
        /// The dossier (JSON).
        file: PathBuf,
        /// The date of the check, YYYY-MM-DD (default: today's date on this computer).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Only these rules (e.g. QMS-C002 or c002; repeat or separate with commas).
        #[arg(long = "rule", value_delimiter = ',')]
        rules: Vec<String>,
        /// Only diagnostics at least this severe (warning: errors and warnings).
        #[arg(long, value_enum)]
        severity: Option<SeverityArg>,
        /// Only diagnostics about this unit (a unit id).
        #[arg(long)]
        unit: Option<String>,
        /// List at most this many diagnostics.
        #[arg(long)]
        limit: Option<usize>,
        /// Every diagnostic in full: no grouping cap, long values not shortened, JSON paths shown.
        #[arg(long)]
        full: bool,
    },
    /// List every rule: code, severity, requirement, title.
    Rules {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// What a rule or error code means, why it matters and how to fix it / Giải thích một mã.
    Explain {
        /// The code, e.g. QMS-C002, c002 or V004.
        code: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Print a shell completion script: qms completions bash > /etc/bash_completion.d/qms.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print the manual page (roff): qms man > qms.1 && man ./qms.1; qms man check for one command.
    Man {
        /// A command, for its own page (qms-check.1).
        command: Option<String>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// List the clauses of an edition / Danh mục điều khoản.
    Clauses {
        #[arg(long, value_enum, default_value_t = EditionArg::E2015)]
        edition: EditionArg,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Map a clause between editions / Tương ứng điều khoản giữa hai phiên bản.
    Correlate {
        /// Clause id, e.g. 8.2.2.
        clause: String,
        #[arg(long, value_enum, default_value_t = EditionArg::E2008)]
        from: EditionArg,
        #[arg(long, value_enum, default_value_t = EditionArg::E2015)]
        to: EditionArg,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Migrate a TCVN ISO 9001:2008 dossier to 2015, reporting every ambiguous mapping.
    Convert {
        /// The 2008 dossier.
        file: PathBuf,
        /// The target edition: 2015 (a dossier is converted forward only).
        #[arg(long, value_enum)]
        to: TargetEditionArg,
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Checklists (phiếu câu hỏi đánh giá): build from the templates.
    Checklist {
        #[command(subcommand)]
        command: ChecklistCommand,
    },
    /// Write a document of the dossier (Word or Excel), or `all` of them into a directory.
    /// KIND: programme team-decision plan report car review-notice review-report minutes
    /// checklist findings actions summary registers all
    Render {
        /// What to write.
        kind: String,
        /// The dossier.
        file: PathBuf,
        /// The audit (an audit id), for audit documents.
        #[arg(long)]
        audit: Option<String>,
        /// The management review (a review id), for review documents.
        #[arg(long)]
        review: Option<String>,
        /// One corrective action (an id), for `car`.
        #[arg(long = "corrective-action")]
        corrective_action: Option<String>,
        /// docx or xlsx for the document; json for the report on standard output (both:
        /// --format xlsx,json).
        #[arg(long, value_enum, value_delimiter = ',')]
        format: Vec<RenderFormat>,
        /// Output file (a directory for `all`); default: the document's usual file name.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
        /// Date of the documents where the dossier gives none (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// `actions` workbook: highlight actions overdue on the day the file is opened (a
        /// TODAY() formula) instead of on --today.
        #[arg(long = "live-overdue")]
        live_overdue: bool,
    },
    /// Write every document of the bundled example dossier into a directory.
    Demo {
        /// Output directory.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
        /// Date of the documents (default: 2026-11-23, the example's "today").
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Print the JSON Schema of the dossier (or of the API requests or responses).
    Schema {
        #[arg(long, value_enum, default_value_t = SchemaArg::Dossier)]
        of: SchemaArg,
    },
    /// Answer one qms-api request read from standard input, exactly as the C ABI does
    /// (documents come back as base64 inside the JSON).
    Api {
        /// Files passed as the call's inputs (the filled workbooks of import-checklist).
        inputs: Vec<PathBuf>,
    },
    /// Roll up many agencies' dossiers for the provincial inspection report: a workbook
    /// (.xlsx) and/or the report to the People's Committee (.docx). Broken dossiers are listed,
    /// never fatal; the exit status is then 1.
    Rollup {
        /// Dossiers (JSON).
        files: Vec<PathBuf>,
        /// A directory of dossiers (every .json file in it).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Output: OUT.xlsx and/or OUT.docx (repeat -o for both in one pass).
        #[arg(short, long, required = true)]
        output: Vec<PathBuf>,
        /// The inspected year (default: the year of --today).
        #[arg(long)]
        year: Option<i32>,
        /// The date of the roll-up, YYYY-MM-DD (default: today's date on this computer).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Also write each agency's pre-filled inspection minutes into this directory.
        #[arg(long)]
        minutes: Option<PathBuf>,
        /// The province (default: the place most dossiers name).
        #[arg(long)]
        province: Option<String>,
        /// The issuing agency (default: Sở Khoa học và Công nghệ).
        #[arg(long)]
        issuer: Option<String>,
        /// The report's number, e.g. 125/BC-SKHCN.
        #[arg(long)]
        number: Option<String>,
        /// Who signs the report.
        #[arg(long)]
        signer: Option<String>,
        /// Threads reading dossiers (default: the number of CPUs).
        #[arg(long)]
        jobs: Option<usize>,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write synthetic dossiers for load tests (deterministic from the seed).
    Sample {
        /// Total checklist items per dossier.
        #[arg(long, default_value_t = 1000)]
        checklist_items: usize,
        /// Total findings per dossier.
        #[arg(long, default_value_t = 100)]
        findings: usize,
        /// Number of agencies: with more than one, PATH is a directory of varied agencies of a
        /// province (departments, communes, wards; both editions; seeded shortcomings).
        #[arg(long, default_value_t = 1)]
        agencies: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Output file (or directory with --agencies > 1).
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        shape: SampleShapeArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Move a corrective action to another state of its workflow when its record allows it,
    /// else say what it lacks.
    Transition {
        /// The dossier.
        file: PathBuf,
        /// The corrective action (an id).
        #[arg(long = "corrective-action")]
        corrective_action: String,
        /// The state to move to: proposed, analysing, awaiting_approval, in_progress,
        /// verifying, closed, carried_over.
        #[arg(long)]
        to: String,
        /// Date of the step (default: today).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// Output dossier; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
}

/// The shapes of `qms sample` that the benchmarks measure (docs/benchmarks.md).
#[derive(clap::Args, Debug, Default)]
pub(crate) struct SampleShapeArgs {
    /// Items per checklist (default 100); as many as --checklist-items gives one checklist.
    #[arg(long)]
    pub(crate) checklist_size: Option<usize>,
    /// Every checklist in one audit (default: 50 checklists per audit).
    #[arg(long)]
    pub(crate) one_audit: bool,
    /// Give N checklist items a clause the edition does not have (N problems for validate).
    #[arg(long, default_value_t = 0)]
    pub(crate) problems: usize,
    /// Append N checklist items whose structure is broken (a result the format does not have).
    #[arg(long, default_value_t = 0)]
    pub(crate) broken: usize,
    /// No nonconform item without a finding, a corrective action for every nonconformity:
    /// few diagnostics for `qms check`.
    #[arg(long)]
    pub(crate) clean: bool,
    /// Indented JSON, one member per line (default: the whole dossier on one line).
    #[arg(long)]
    pub(crate) pretty: bool,
    /// Every non-ASCII character as a \u escape, as Python's json.dumps writes it.
    #[arg(long)]
    pub(crate) escaped: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum ChecklistCommand {
    /// Write the checklist workbook of an audit for auditors to fill offline in Excel.
    Export {
        /// The dossier.
        file: PathBuf,
        /// The audit (an audit id).
        #[arg(long)]
        audit: String,
        /// Only this auditor's checklists (a person id).
        #[arg(long)]
        auditor: Option<String>,
        /// Password of the sheet protection (none by default).
        #[arg(long)]
        password: Option<String>,
        /// Output workbook (default: phieu-cau-hoi-danh-gia-AUDIT.xlsx).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Date written in the workbook (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Merge filled checklist workbooks into the dossier; conflicts reported, nothing dropped.
    Import {
        /// The dossier.
        file: PathBuf,
        /// Filled workbooks.
        #[arg(required = true)]
        workbooks: Vec<PathBuf>,
        /// Output dossier; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Apply what has no conflict even when other rows conflict.
        #[arg(long)]
        partial: bool,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// List every change on the terminal (the first 200 by default; `--format json`
        /// always lists all).
        #[arg(long)]
        all_changes: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// Add a checklist for a unit of an audit plan, built from the built-in templates and the
    /// unit's procedures.
    New {
        /// The dossier.
        file: PathBuf,
        /// The audit (an audit id).
        #[arg(long)]
        audit: String,
        /// The unit audited (a unit id).
        #[arg(long)]
        unit: String,
        /// Clauses to cover, comma-separated (default: the plan's rows for the unit).
        #[arg(long, value_delimiter = ',')]
        clauses: Vec<String>,
        /// The auditor (a person id; default: the first auditor of the unit's schedule row).
        #[arg(long)]
        auditor: Option<String>,
        /// Output dossier; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
}

/// What `render --format` chooses: the document's format, and the report's.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenderFormat {
    Docx,
    Xlsx,
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LangArg {
    Vi,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EditionArg {
    #[value(name = "2015")]
    E2015,
    #[value(name = "2008")]
    E2008,
}

/// The editions `convert` can go to: only forward, to 2015.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetEditionArg {
    #[value(name = "2015")]
    E2015,
}

impl TargetEditionArg {
    pub(crate) fn edition(self) -> qms_core::Edition {
        qms_core::Edition::Iso9001_2015
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SchemaArg {
    Dossier,
    Request,
    Response,
}

impl LangArg {
    pub(crate) fn lang(self) -> qms_core::Lang {
        match self {
            LangArg::Vi => qms_core::Lang::Vi,
            LangArg::En => qms_core::Lang::En,
        }
    }
}

impl EditionArg {
    pub(crate) fn edition(self) -> qms_core::Edition {
        match self {
            EditionArg::E2015 => qms_core::Edition::Iso9001_2015,
            EditionArg::E2008 => qms_core::Edition::Iso9001_2008,
        }
    }
}

/// A severity on the command line.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl SeverityArg {
    pub(crate) fn severity(self) -> qms_core::rules::Severity {
        match self {
            SeverityArg::Error => qms_core::rules::Severity::Error,
            SeverityArg::Warning => qms_core::rules::Severity::Warning,
            SeverityArg::Info => qms_core::rules::Severity::Info,
        }
    }
}
