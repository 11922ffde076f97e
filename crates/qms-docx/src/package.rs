//! The OPC package: a deflate-compressed zip with fixed timestamps and a fixed part order, so
//! the same input gives the same bytes. `word/document.xml` is streamed into its zip entry.

use crate::RenderOptions;
use crate::error::DocxError;
use crate::styles::styles_xml;
use crate::xml::{Xml, escape};
use chrono::NaiveDate;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdHdrDefault\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdHdrFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>\
</Relationships>";

const APP: &str = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>qms</Application></Properties>";

/// Page number centred in the top margin (Decree 30/2020); used from page 2 on.
const HEADER_PAGE_NUMBER: &str = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";

/// What the package says about the document (core properties).
pub(crate) struct Meta<'a> {
    /// Title, e.g. "Kế hoạch đánh giá nội bộ".
    pub(crate) title: &'a str,
    /// The agency.
    pub(crate) creator: &'a str,
    /// Document date: never the clock.
    pub(crate) date: NaiveDate,
}

fn settings_xml(opts: &RenderOptions) -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" \
w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{}\"/></w:settings>",
        opts.lang.pick("vi-VN", "en-GB")
    )
}

fn core_xml(meta: &Meta<'_>, opts: &RenderOptions) -> String {
    let title = escape(meta.title);
    let creator = escape(meta.creator);
    let date = meta.date.format("%Y-%m-%dT00:00:00Z");
    format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>\
<dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>",
        opts.lang.pick("vi-VN", "en-GB")
    )
}

fn header_xml(content: &str) -> String {
    format!("{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{content}</w:hdr>")
}

/// How hard the parts are compressed: a deflate level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    /// Level 9, for the documents of a few pages: the smallest file, in a few milliseconds.
    Small,
    /// Level 6, zlib's default, for the document that grows with the data (the audit
    /// report). On 10,000 findings (16 MB of XML) level 9 spent four fifths of the writing
    /// time in deflate, about twice what level 6 spends, for a file two thirds the size
    /// (260 KB against 390 KB).
    Large,
}

/// Builds the package; `body` writes the content of `w:body` (without the section).
pub(crate) fn package(
    meta: &Meta<'_>,
    opts: &RenderOptions,
    body: impl FnOnce(&mut Xml<'_>),
) -> Result<Vec<u8>, DocxError> {
    package_with(meta, opts, Compression::Small, body)
}

/// [`package`] with the compression chosen.
pub(crate) fn package_with(
    meta: &Meta<'_>,
    opts: &RenderOptions,
    compression: Compression,
    body: impl FnOnce(&mut Xml<'_>),
) -> Result<Vec<u8>, DocxError> {
    let level = match compression {
        Compression::Small => 9,
        Compression::Large => 6,
    };
    let options = SimpleFileOptions::DEFAULT
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
    let small = [
        ("[Content_Types].xml", format!("{XML_DECL}{CONTENT_TYPES}")),
        ("_rels/.rels", format!("{XML_DECL}{ROOT_RELS}")),
        ("docProps/core.xml", core_xml(meta, opts)),
        ("docProps/app.xml", format!("{XML_DECL}{APP}")),
        (
            "word/_rels/document.xml.rels",
            format!("{XML_DECL}{DOCUMENT_RELS}"),
        ),
        ("word/styles.xml", styles_xml(&opts.layout, opts.lang)),
        ("word/settings.xml", settings_xml(opts)),
        ("word/header1.xml", header_xml(HEADER_PAGE_NUMBER)),
        (
            "word/header2.xml",
            header_xml("<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>"),
        ),
    ];
    for (name, text) in &small {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())
            .map_err(|source| DocxError::Write { part: name, source })?;
    }
    zip.start_file("word/document.xml", options)?;
    {
        let mut x = Xml::new(&mut zip);
        x.tag_vietnamese = opts.lang == qms_core::Lang::En;
        x.text_width = opts.layout.text_width();
        x.raw(XML_DECL);
        x.raw("<w:document xmlns:w=\"");
        x.raw(W_NS);
        x.raw("\" xmlns:r=\"");
        x.raw(R_NS);
        x.raw("\"><w:body>");
        body(&mut x);
        x.heading_block_ends();
        x.flush_spacer();
        x.raw(&opts.layout.sect_pr());
        x.raw("</w:body></w:document>");
        x.finish().map_err(|source| DocxError::Write {
            part: "word/document.xml",
            source,
        })?;
    }
    Ok(zip.finish()?.into_inner())
}
