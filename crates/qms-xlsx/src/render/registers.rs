//! Document and record registers (danh mục tài liệu nội bộ, bên ngoài, hồ sơ), TCVN ISO 9001 7.5.

use super::table::{Ctx, Table};
use crate::XlsxError;
use crate::form_code::{Register, register_header};
use qms_core::Lang;
use qms_core::model::{DocumentKind, DocumentStatus, ExternalStatus, Medium, Retention};
use rust_xlsxwriter::Workbook;

fn kind_label(k: DocumentKind, l: Lang) -> &'static str {
    match k {
        DocumentKind::Manual => l.pick("Sổ tay chất lượng", "Quality manual"),
        DocumentKind::Policy => l.pick("Chính sách chất lượng", "Quality policy"),
        DocumentKind::Objectives => l.pick("Mục tiêu chất lượng", "Quality objectives"),
        DocumentKind::Procedure => l.pick("Quy trình", "Procedure"),
        DocumentKind::Instruction => l.pick("Hướng dẫn", "Instruction"),
        DocumentKind::Form => l.pick("Biểu mẫu", "Form"),
        DocumentKind::Other => l.pick("Khác", "Other"),
    }
}

fn retention_label(r: Retention, l: Lang) -> String {
    match r {
        Retention::Years(n) => format!("{n} {}", l.pick("năm", "years")),
        Retention::Permanent => l.pick("Vĩnh viễn", "Permanent").to_owned(),
        Retention::UntilSuperseded => l
            .pick("Đến khi có bản thay thế", "Until superseded")
            .to_owned(),
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// Writes rows of text cells under headings, one sheet.
fn sheet(
    wb: &mut Workbook,
    ctx: &Ctx<'_>,
    register: Register,
    name: &str,
    title: &str,
    headings: &[(&str, f64)],
    rows: Vec<Vec<String>>,
) -> Result<(), XlsxError> {
    let sheet = ctx.sheet_name(name);
    let mut t = Table::start(
        wb.add_worksheet(),
        ctx,
        sheet,
        title,
        ctx.pick(
            "Thông tin dạng văn bản theo điều khoản 7.5",
            "Documented information per clause 7.5",
        ),
        headings,
    )?;
    let s = &ctx.styles;
    for (i, row) in rows.iter().enumerate() {
        t.number(0, (i + 1) as f64, &s.locked_center)?;
        for (c, text) in row.iter().enumerate() {
            t.text(c as u16 + 1, text, &s.locked)?;
        }
        let sized: Vec<(f64, &str)> = headings
            .iter()
            .skip(1)
            .map(|h| h.1)
            .zip(row.iter().map(String::as_str))
            .collect();
        t.end_row(&sized)?;
    }
    // Each register is made on its own form (BM.QT01.01, BM.QT01.02, BM.QT02.01, ...).
    t.finish_with_header(ctx, register_header(ctx.dossier, register, ctx.lang))?;
    Ok(())
}

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let r = &ctx.dossier.registers;
    let l = ctx.lang;
    let stt = (ctx.pick("STT", "No."), 5.0);
    let internal: Vec<Vec<String>> = r
        .internal_documents
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.title.clone(),
                kind_label(d.kind, l).to_owned(),
                d.revision.clone().unwrap_or_default(),
                date(d.issued_on),
                d.owner_unit
                    .as_deref()
                    .map(|u| ctx.unit_name(u).to_owned())
                    .unwrap_or_default(),
                // The location only for what it says beyond the owner unit.
                ctx.location_beside(d.owner_unit.as_deref(), d.location.as_deref()),
                match d.status {
                    DocumentStatus::Current => l.pick("Đang áp dụng", "Current"),
                    DocumentStatus::Obsolete => l.pick("Lỗi thời", "Obsolete"),
                }
                .to_owned(),
            ]
        })
        .collect();
    sheet(
        wb,
        ctx,
        Register::Internal,
        ctx.pick("Tài liệu nội bộ", "Internal documents"),
        ctx.pick("DANH MỤC TÀI LIỆU NỘI BỘ", "INTERNAL DOCUMENTS"),
        &[
            stt,
            (ctx.pick("Mã hiệu", "Code"), 14.0),
            (ctx.pick("Tên tài liệu", "Title"), 44.0),
            (ctx.pick("Loại", "Kind"), 12.0),
            (ctx.pick("Lần ban hành", "Revision"), 10.0),
            (ctx.pick("Ngày ban hành", "Issued"), 13.0),
            (ctx.pick("Đơn vị quản lý", "Owner unit"), 24.0),
            // Wide enough for "Thư mục dùng chung HTQLCL; bản giấy tại đơn vị" in two lines.
            (ctx.pick("Nơi lưu", "Location"), 26.0),
            (ctx.pick("Tình trạng", "Status"), 14.0),
        ],
        internal,
    )?;
    let external: Vec<Vec<String>> = r
        .external_documents
        .iter()
        .map(|d| {
            vec![
                d.number.clone(),
                date(d.issued_on),
                d.issuer.clone().unwrap_or_default(),
                d.title.clone(),
                date(d.effective_on),
                match d.status {
                    ExternalStatus::InForce => l.pick("Còn hiệu lực", "In force"),
                    ExternalStatus::Amended => l.pick("Được sửa đổi, bổ sung", "Amended"),
                    ExternalStatus::Expired => l.pick("Hết hiệu lực", "Expired"),
                }
                .to_owned(),
                ctx.units_text(&d.applies_to),
                date(d.reviewed_on),
            ]
        })
        .collect();
    sheet(
        wb,
        ctx,
        Register::External,
        ctx.pick("Tài liệu bên ngoài", "External documents"),
        ctx.pick("DANH MỤC TÀI LIỆU BÊN NGOÀI", "EXTERNAL DOCUMENTS"),
        &[
            stt,
            // "TCVN ISO 9001:2015" and "26/2014/TT-BKHCN" on one line each.
            (ctx.pick("Số, ký hiệu", "Number"), 19.0),
            (ctx.pick("Ngày ban hành", "Issued"), 13.0),
            (ctx.pick("Cơ quan ban hành", "Issuer"), 20.0),
            (ctx.pick("Trích yếu", "Title"), 44.0),
            (ctx.pick("Ngày hiệu lực", "In force from"), 13.0),
            (ctx.pick("Tình trạng hiệu lực", "Status"), 16.0),
            (ctx.pick("Đơn vị áp dụng", "Applies to"), 22.0),
            (ctx.pick("Ngày soát xét", "Reviewed"), 13.0),
        ],
        external,
    )?;
    let records: Vec<Vec<String>> = r
        .records
        .iter()
        .map(|x| {
            vec![
                x.title.clone(),
                x.form_code.clone().unwrap_or_default(),
                ctx.place_text(x.unit.as_deref(), x.location.as_deref()),
                x.retention
                    .map(|t| retention_label(t, l))
                    .unwrap_or_default(),
                x.medium
                    .map(|m| match m {
                        Medium::Paper => l.pick("Giấy", "Paper"),
                        Medium::Electronic => l.pick("Điện tử", "Electronic"),
                        Medium::Both => l.pick("Giấy và điện tử", "Paper and electronic"),
                    })
                    .unwrap_or("")
                    .to_owned(),
                x.disposal.clone().unwrap_or_default(),
            ]
        })
        .collect();
    sheet(
        wb,
        ctx,
        Register::Records,
        ctx.pick("Hồ sơ", "Records"),
        ctx.pick("DANH MỤC HỒ SƠ", "RECORDS"),
        &[
            stt,
            // The disposal method is the longest text of a row ("Hội đồng xác định giá trị
            // tài liệu xem xét, lập biên bản hủy theo quy định của pháp luật về lưu trữ"):
            // at width 20 it made rows of five lines, six rows a page.
            (ctx.pick("Tên hồ sơ", "Record"), 34.0),
            (ctx.pick("Mã biểu mẫu", "Form code"), 13.0),
            (ctx.pick("Nơi lưu", "Kept at"), 30.0),
            (ctx.pick("Thời gian lưu", "Retention"), 14.0),
            // "Giấy và điện tử" on one line.
            (ctx.pick("Hình thức", "Medium"), 17.0),
            (ctx.pick("Phương pháp hủy", "Disposal"), 40.0),
        ],
        records,
    )?;
    Ok(())
}
