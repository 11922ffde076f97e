//! The help texts in Vietnamese and English. clap's derive gives one static text per
//! argument, so the command is built at run time and every command's `about` and every
//! argument's `help` is replaced from this table, keyed by the command's path and the
//! argument's id ("checklist export.audit"); a key "*.id" serves every command with that
//! argument. A test checks that every command and argument has both texts.

/// (key, Vietnamese, English). Command keys are paths ("" is `qms` itself); argument keys are
/// "path.id" or "*.id".
pub(crate) const TEXTS: &[(&str, &str, &str)] = &[
    // Commands.
    (
        "",
        "Hệ thống quản lý chất lượng TCVN ISO 9001 của cơ quan hành chính nhà nước: đánh giá nội bộ, xem xét của lãnh đạo và hồ sơ",
        "TCVN ISO 9001 quality management for state agencies: internal audits, management reviews and their records",
    ),
    ("init", "Tạo hồ sơ khởi tạo", "Write a starter dossier"),
    (
        "validate",
        "Đọc hồ sơ và kiểm tra tính toàn vẹn; mọi lỗi một lần, kèm đường dẫn JSON",
        "Parse a dossier and check its integrity; every problem at once, with JSON paths",
    ),
    (
        "check",
        "Chạy các quy tắc: những gì thiếu, quá hạn hoặc sai, kèm căn cứ; mã thoát 1 khi có lỗi",
        "Run the rules: what is missing, late or wrong, citing the requirement; exit 1 when an error is found",
    ),
    (
        "rules",
        "Liệt kê mọi quy tắc: mã, mức độ, căn cứ, tên",
        "List every rule: code, severity, requirement, title",
    ),
    (
        "explain",
        "Giải thích một mã quy tắc hoặc mã lỗi: yêu cầu gì, vì sao quan trọng, sửa thế nào",
        "What a rule or error code means, why it matters and how to fix it",
    ),
    (
        "completions",
        "In tập lệnh gợi ý lệnh cho shell: qms completions bash > /etc/bash_completion.d/qms",
        "Print a shell completion script: qms completions bash > /etc/bash_completion.d/qms",
    ),
    (
        "man",
        "In trang hướng dẫn (roff): qms man > qms.1 && man ./qms.1; qms man check cho một lệnh",
        "Print the manual page (roff): qms man > qms.1 && man ./qms.1; qms man check for one command",
    ),
    (
        "clauses",
        "Danh mục điều khoản của một phiên bản tiêu chuẩn",
        "List the clauses of an edition",
    ),
    (
        "correlate",
        "Tương ứng điều khoản giữa hai phiên bản",
        "Map a clause between editions",
    ),
    (
        "convert",
        "Chuyển hồ sơ TCVN ISO 9001:2008 sang 2015, nêu mọi ánh xạ cần xem lại",
        "Migrate a TCVN ISO 9001:2008 dossier to 2015, reporting every ambiguous mapping",
    ),
    (
        "checklist",
        "Phiếu câu hỏi đánh giá: lập từ mẫu, xuất ra Excel, nhập lại",
        "Checklists: build from the templates, export to Excel, import back",
    ),
    (
        "checklist export",
        "Xuất bảng tính phiếu câu hỏi của một cuộc đánh giá để chuyên gia điền offline trong Excel",
        "Write the checklist workbook of an audit for auditors to fill offline in Excel",
    ),
    (
        "checklist import",
        "Nhập các bảng tính phiếu đã điền vào hồ sơ; nêu xung đột, không bỏ sót gì",
        "Merge filled checklist workbooks into the dossier; conflicts reported, nothing dropped",
    ),
    (
        "checklist new",
        "Thêm phiếu câu hỏi cho một đơn vị của kế hoạch đánh giá, lập từ mẫu và các quy trình của đơn vị",
        "Add a checklist for a unit of an audit plan, built from the templates and the unit's procedures",
    ),
    (
        "render",
        "Lập một văn bản của hồ sơ (Word hoặc Excel), hoặc mọi văn bản (all) vào một thư mục. LOẠI: programme plan report car review-notice review-report minutes checklist findings actions summary registers all",
        "Write a document of the dossier (Word or Excel), or all of them into a directory. KIND: programme plan report car review-notice review-report minutes checklist findings actions summary registers all",
    ),
    (
        "demo",
        "Lập mọi văn bản của hồ sơ mẫu đi kèm vào một thư mục",
        "Write every document of the bundled example dossier into a directory",
    ),
    (
        "schema",
        "In JSON Schema của hồ sơ (hoặc của yêu cầu, phản hồi API)",
        "Print the JSON Schema of the dossier (or of the API requests or responses)",
    ),
    (
        "api",
        "Trả lời một yêu cầu qms-api đọc từ đầu vào chuẩn, đúng như giao diện C (văn bản trả về dạng base64 trong JSON)",
        "Answer one qms-api request read from standard input, exactly as the C ABI does (documents come back as base64 inside the JSON)",
    ),
    (
        "rollup",
        "Tổng hợp hồ sơ của nhiều cơ quan cho báo cáo kiểm tra của tỉnh: bảng tính (.xlsx) và/hoặc báo cáo gửi UBND tỉnh (.docx); hồ sơ lỗi được liệt kê, không làm dừng lệnh (mã thoát 1)",
        "Roll up many agencies' dossiers for the provincial inspection report: a workbook (.xlsx) and/or the report (.docx); broken dossiers are listed, never fatal (exit 1)",
    ),
    (
        "sample",
        "Tạo hồ sơ tổng hợp để thử tải (xác định theo hạt giống)",
        "Write synthetic dossiers for load tests (deterministic from the seed)",
    ),
    (
        "transition",
        "Chuyển hành động khắc phục sang trạng thái khác khi hồ sơ đủ điều kiện, nếu không thì nêu còn thiếu gì",
        "Move a corrective action to another state of its workflow when its record allows it, else say what it lacks",
    ),
    (
        "help",
        "In hướng dẫn của qms hoặc của một lệnh",
        "Print the help of qms or of a command",
    ),
    // Arguments every command shares.
    ("*.help", "In hướng dẫn", "Print help"),
    ("*.version", "In phiên bản", "Print version"),
    (
        "*.quiet",
        "Không hiện thanh tiến độ và dòng thông báo; lỗi vẫn được in",
        "No progress bars and no informational lines; errors are still printed",
    ),
    (
        "*.format",
        "Định dạng báo cáo: text (chữ) hoặc json (một dạng chung, xem docs/cli-json.md)",
        "Report format: text or json (one shape, see docs/cli-json.md)",
    ),
    (
        "*.lang",
        "Ngôn ngữ: vi (tiếng Việt) hoặc en (tiếng Anh)",
        "Language: vi (Vietnamese) or en (English)",
    ),
    ("*.force", "Ghi đè tệp đã có", "Overwrite existing files"),
    ("*.file", "Hồ sơ (tệp JSON)", "The dossier (a JSON file)"),
    (
        "*.output",
        "Tệp kết quả; đầu ra chuẩn khi bỏ trống",
        "Output file; standard output when absent",
    ),
    (
        "*.today",
        "Ngày lập, NNNN-TT-NN (mặc định: ngày hôm nay của máy)",
        "The date, YYYY-MM-DD (default: today's date on this computer)",
    ),
    (
        "*.audit",
        "Cuộc đánh giá (mã cuộc đánh giá)",
        "The audit (an audit id)",
    ),
    (
        "*.auditor",
        "Chuyên gia đánh giá (mã người)",
        "The auditor (a person id)",
    ),
    (
        "help.command",
        "Lệnh cần xem hướng dẫn",
        "The command to explain",
    ),
    // init
    ("init.agency", "Tên cơ quan", "Agency name"),
    (
        "init.schema",
        "Ghi \"$schema\": REF để trình soạn thảo kiểm tra hồ sơ, ví dụ ./dossier.schema.json sau khi chạy qms schema > dossier.schema.json",
        "Write \"$schema\": REF so editors check the dossier, e.g. ./dossier.schema.json after qms schema > dossier.schema.json",
    ),
    // check
    (
        "check.rules",
        "Chỉ các quy tắc này (ví dụ QMS-C002 hoặc c002; lặp lại hoặc ngăn cách bằng dấu phẩy)",
        "Only these rules (e.g. QMS-C002 or c002; repeat or separate with commas)",
    ),
    (
        "check.severity",
        "Chỉ mục có mức độ từ mức này trở lên: error (lỗi), warning (lỗi và cảnh báo), info (tất cả)",
        "Only diagnostics at least this severe: error, warning (errors and warnings), info (everything)",
    ),
    (
        "check.unit",
        "Chỉ các mục về đơn vị này (mã đơn vị)",
        "Only diagnostics about this unit (a unit id)",
    ),
    (
        "check.limit",
        "Liệt kê nhiều nhất bấy nhiêu mục",
        "List at most this many diagnostics",
    ),
    (
        "check.full",
        "Mọi mục đầy đủ: không gộp, không rút gọn giá trị dài, có đường dẫn JSON",
        "Every diagnostic in full: no grouping cap, long values not shortened, JSON paths shown",
    ),
    // explain
    (
        "explain.code",
        "Mã cần giải thích, ví dụ QMS-C002, c002 hoặc V004",
        "The code, e.g. QMS-C002, c002 or V004",
    ),
    // completions, man
    (
        "completions.shell",
        "Shell: bash, zsh, fish, powershell, elvish",
        "The shell: bash, zsh, fish, powershell, elvish",
    ),
    (
        "man.command",
        "Một lệnh, để in trang riêng của lệnh đó (qms-check.1)",
        "A command, for its own page (qms-check.1)",
    ),
    // clauses, correlate
    (
        "clauses.edition",
        "Phiên bản tiêu chuẩn: 2015 hoặc 2008",
        "The edition: 2015 or 2008",
    ),
    (
        "correlate.clause",
        "Điều khoản, ví dụ 8.2.2",
        "Clause id, e.g. 8.2.2",
    ),
    (
        "correlate.from",
        "Phiên bản nguồn",
        "The edition the clause is in",
    ),
    ("correlate.to", "Phiên bản đích", "The edition to map to"),
    // convert
    (
        "convert.file",
        "Hồ sơ theo TCVN ISO 9001:2008",
        "The 2008 dossier",
    ),
    (
        "convert.to",
        "Phiên bản đích: 2015 (hồ sơ chỉ được chuyển lên phiên bản mới)",
        "The target edition: 2015 (a dossier is converted forward only)",
    ),
    ("convert.output", "Tệp hồ sơ kết quả", "Output file"),
    // checklist
    (
        "checklist export.auditor",
        "Chỉ các phiếu của chuyên gia này (mã người)",
        "Only this auditor's checklists (a person id)",
    ),
    (
        "checklist export.password",
        "Mật khẩu bảo vệ trang tính (mặc định: không có)",
        "Password of the sheet protection (none by default)",
    ),
    (
        "checklist export.output",
        "Bảng tính kết quả (mặc định: phieu-cau-hoi-danh-gia-MÃ.xlsx)",
        "Output workbook (default: phieu-cau-hoi-danh-gia-AUDIT.xlsx)",
    ),
    (
        "checklist export.today",
        "Ngày ghi trong bảng tính (mặc định: hôm nay)",
        "Date written in the workbook (default: today)",
    ),
    (
        "checklist import.workbooks",
        "Các bảng tính phiếu đã điền",
        "Filled workbooks",
    ),
    (
        "checklist import.partial",
        "Áp dụng phần không xung đột dù có dòng khác xung đột",
        "Apply what has no conflict even when other rows conflict",
    ),
    (
        "checklist import.all_changes",
        "Liệt kê mọi thay đổi trên màn hình (mặc định 200 thay đổi đầu; --format json luôn liệt kê tất cả)",
        "List every change on the terminal (the first 200 by default; --format json always lists all)",
    ),
    (
        "checklist new.unit",
        "Đơn vị được đánh giá (mã đơn vị)",
        "The unit audited (a unit id)",
    ),
    (
        "checklist new.clauses",
        "Các điều khoản cần bao quát, ngăn cách bằng dấu phẩy (mặc định: các dòng của kế hoạch cho đơn vị)",
        "Clauses to cover, comma-separated (default: the plan's rows for the unit)",
    ),
    (
        "checklist new.auditor",
        "Chuyên gia đánh giá (mã người; mặc định: chuyên gia đầu tiên trong lịch của đơn vị)",
        "The auditor (a person id; default: the first auditor of the unit's schedule row)",
    ),
    // render
    ("render.kind", "Loại văn bản cần lập", "What to write"),
    (
        "render.audit",
        "Cuộc đánh giá (mã), cho các văn bản đánh giá",
        "The audit (an audit id), for audit documents",
    ),
    (
        "render.review",
        "Cuộc họp xem xét của lãnh đạo (mã), cho các văn bản xem xét",
        "The management review (a review id), for review documents",
    ),
    (
        "render.corrective_action",
        "Một hành động khắc phục (mã), cho car",
        "One corrective action (an id), for car",
    ),
    (
        "render.format",
        "docx hoặc xlsx cho văn bản; json cho báo cáo trên đầu ra chuẩn (cả hai: --format xlsx,json)",
        "docx or xlsx for the document; json for the report on standard output (both: --format xlsx,json)",
    ),
    (
        "render.output",
        "Tệp kết quả (một thư mục với all); mặc định: tên tệp thông thường của văn bản",
        "Output file (a directory for all); default: the document's usual file name",
    ),
    (
        "render.today",
        "Ngày của văn bản khi hồ sơ không ghi (mặc định: hôm nay)",
        "Date of the documents where the dossier gives none (default: today)",
    ),
    (
        "render.live_overdue",
        "Sổ theo dõi hành động khắc phục: tô đỏ hành động quá hạn tính đến ngày mở tệp (công thức TODAY()) thay vì đến --today",
        "actions workbook: highlight actions overdue on the day the file is opened (a TODAY() formula) instead of on --today",
    ),
    // demo
    ("demo.output", "Thư mục kết quả", "Output directory"),
    (
        "demo.today",
        "Ngày của văn bản (mặc định: 2026-11-23, \"hôm nay\" của hồ sơ mẫu)",
        "Date of the documents (default: 2026-11-23, the example's \"today\")",
    ),
    // schema, api
    (
        "schema.of",
        "Lược đồ của: dossier (hồ sơ), request (yêu cầu API), response (phản hồi API)",
        "The schema of: dossier, request (API requests) or response (API responses)",
    ),
    (
        "api.inputs",
        "Các tệp đầu vào của lời gọi (bảng tính đã điền của import-checklist)",
        "Files passed as the call's inputs (the filled workbooks of import-checklist)",
    ),
    // rollup
    ("rollup.files", "Các hồ sơ (JSON)", "Dossiers (JSON)"),
    (
        "rollup.dir",
        "Thư mục hồ sơ (mọi tệp .json trong đó)",
        "A directory of dossiers (every .json file in it)",
    ),
    (
        "rollup.output",
        "Kết quả: OUT.xlsx và/hoặc OUT.docx (lặp -o để có cả hai)",
        "Output: OUT.xlsx and/or OUT.docx (repeat -o for both in one pass)",
    ),
    (
        "rollup.year",
        "Năm được kiểm tra (mặc định: năm của --today)",
        "The inspected year (default: the year of --today)",
    ),
    (
        "rollup.minutes",
        "Ghi thêm biên bản kiểm tra điền sẵn của từng cơ quan vào thư mục này",
        "Also write each agency's pre-filled inspection minutes into this directory",
    ),
    (
        "rollup.province",
        "Tỉnh (mặc định: địa danh được nhiều hồ sơ nêu nhất)",
        "The province (default: the place most dossiers name)",
    ),
    (
        "rollup.issuer",
        "Cơ quan ban hành (mặc định: Sở Khoa học và Công nghệ)",
        "The issuing agency (default: Sở Khoa học và Công nghệ)",
    ),
    (
        "rollup.number",
        "Số của báo cáo, ví dụ 125/BC-SKHCN",
        "The report's number, e.g. 125/BC-SKHCN",
    ),
    ("rollup.signer", "Người ký báo cáo", "Who signs the report"),
    (
        "rollup.jobs",
        "Số luồng đọc hồ sơ (mặc định: số CPU)",
        "Threads reading dossiers (default: the number of CPUs)",
    ),
    (
        "rollup.today",
        "Ngày tổng hợp, NNNN-TT-NN (mặc định: hôm nay)",
        "The date of the roll-up, YYYY-MM-DD (default: today)",
    ),
    // sample
    (
        "sample.checklist_items",
        "Tổng số câu hỏi trong mỗi hồ sơ",
        "Total checklist items per dossier",
    ),
    (
        "sample.findings",
        "Tổng số phát hiện trong mỗi hồ sơ",
        "Total findings per dossier",
    ),
    (
        "sample.agencies",
        "Số cơ quan: nhiều hơn một thì PATH là thư mục các cơ quan khác nhau của một tỉnh",
        "Number of agencies: with more than one, PATH is a directory of varied agencies of a province",
    ),
    (
        "sample.seed",
        "Hạt giống của bộ sinh",
        "Seed of the generator",
    ),
    (
        "sample.output",
        "Tệp kết quả (hoặc thư mục khi --agencies > 1)",
        "Output file (or directory with --agencies > 1)",
    ),
    (
        "sample.checklist_size",
        "Số câu hỏi mỗi phiếu (mặc định 100)",
        "Items per checklist (default 100)",
    ),
    (
        "sample.one_audit",
        "Mọi phiếu trong một cuộc đánh giá (mặc định: 50 phiếu mỗi cuộc)",
        "Every checklist in one audit (default: 50 checklists per audit)",
    ),
    (
        "sample.problems",
        "Cho N câu hỏi một điều khoản không có trong phiên bản (N lỗi cho validate)",
        "Give N checklist items a clause the edition does not have (N problems for validate)",
    ),
    (
        "sample.broken",
        "Thêm N câu hỏi sai cấu trúc",
        "Append N checklist items whose structure is broken",
    ),
    (
        "sample.clean",
        "Ít kết quả cho qms check: mọi điểm không phù hợp có phát hiện và hành động khắc phục",
        "Few diagnostics for qms check: every nonconformity has a finding and a corrective action",
    ),
    (
        "sample.pretty",
        "JSON thụt lề, mỗi thành phần một dòng",
        "Indented JSON, one member per line",
    ),
    (
        "sample.escaped",
        "Mọi ký tự không phải ASCII viết dạng \\u, như json.dumps của Python",
        "Every non-ASCII character as a \\u escape, as Python's json.dumps writes it",
    ),
    // transition
    (
        "transition.corrective_action",
        "Hành động khắc phục (mã)",
        "The corrective action (an id)",
    ),
    (
        "transition.to",
        "Trạng thái đích: proposed, analysing, awaiting_approval, in_progress, verifying, closed, carried_over",
        "The state to move to: proposed, analysing, awaiting_approval, in_progress, verifying, closed, carried_over",
    ),
    (
        "transition.date",
        "Ngày chuyển trạng thái (mặc định: hôm nay)",
        "Date of the step (default: today)",
    ),
];

/// The text for a key: the key itself, else the "*.id" text for an argument.
pub(crate) fn lookup(key: &str) -> Option<(&'static str, &'static str)> {
    let find = |k: &str| {
        TEXTS
            .iter()
            .find(|(t, _, _)| *t == k)
            .map(|(_, vi, en)| (*vi, *en))
    };
    find(key).or_else(|| {
        let (_, id) = key.rsplit_once('.')?;
        find(&format!("*.{id}"))
    })
}
