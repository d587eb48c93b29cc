//! The text of a Word `.docx`: its body paragraphs and its tables as grids of cell text,
//! read from `word/document.xml` with quick-xml. Merged cells are laid out on the table's
//! grid: a cell spanning columns (`gridSpan`) fills the first of them, a vertically merged
//! continuation (`vMerge` without `restart`) is empty, so "the cell below" means what a reader
//! sees below.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::io::Read;

/// The text of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxText {
    /// Paragraphs outside tables, in order (empty ones dropped).
    pub paragraphs: Vec<String>,
    /// Tables in order; each a list of rows on the table's grid.
    pub tables: Vec<Vec<Vec<String>>>,
}

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive, or no `word/document.xml` in it.
    NotDocx(String),
    /// Encrypted (password-protected documents are OLE files, not zips).
    Encrypted,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::NotDocx(why) => write!(f, "not a readable Word .docx file ({why})"),
            DocxError::Encrypted => write!(f, "the document is password-protected"),
        }
    }
}

/// Reads the text of a `.docx` held in `bytes`.
pub fn read(bytes: &[u8]) -> Result<DocxText, DocxError> {
    // Password-protected Office files are OLE compound files, whatever their extension.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DocxError::Encrypted);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotDocx(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| DocxError::NotDocx(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| DocxError::NotDocx(e.to_string()))?;
    parse_document(&xml).map_err(DocxError::NotDocx)
}

/// A table being read: finished rows, and the row and cell under way.
#[derive(Default)]
struct TableUnderWay {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<CellUnderWay>,
}

#[derive(Default)]
struct CellUnderWay {
    text: String,
    span: usize,
    continues_merge: bool,
}

/// Parses `word/document.xml`.
fn parse_document(xml: &str) -> Result<DocxText, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = DocxText::default();
    let mut tables: Vec<TableUnderWay> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(tag) => match tag.local_name().into_inner() {
                "tbl" => tables.push(TableUnderWay::default()),
                "tc" => {
                    if let Some(table) = tables.last_mut() {
                        table.cell = Some(CellUnderWay {
                            span: 1,
                            ..CellUnderWay::default()
                        });
                    }
                }
                "vMerge" => set_merge(&mut tables, &tag),
                "t" => in_text = true,
                _ => {}
            },
            Event::Empty(tag) => match tag.local_name().into_inner() {
                "gridSpan" => {
                    let span = attribute(&tag, "val").and_then(|v| v.parse().ok());
                    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.span = span.unwrap_or(1);
                    }
                }
                "vMerge" => set_merge(&mut tables, &tag),
                "tab" => paragraph.push('\t'),
                "br" => paragraph.push('\n'),
                _ => {}
            },
            Event::Text(text) if in_text => {
                // Entities come as their own events (below), so the text is taken as it is.
                paragraph.push_str(&text.xml_content(XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(entity) if in_text => {
                match entity.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => paragraph.push(c),
                    None => {
                        let name = entity.into_inner();
                        let resolved = quick_xml::escape::resolve_predefined_entity(&name);
                        paragraph.push_str(resolved.unwrap_or(""));
                    }
                }
            }
            Event::End(tag) => match tag.local_name().into_inner() {
                "t" => in_text = false,
                "p" => {
                    let text = std::mem::take(&mut paragraph);
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => {
                            if !cell.text.is_empty() {
                                cell.text.push('\n');
                            }
                            cell.text.push_str(text.trim_end());
                        }
                        None if !text.trim().is_empty() => {
                            out.paragraphs.push(text.trim().to_string())
                        }
                        None => {}
                    }
                }
                "tc" => {
                    if let Some(table) = tables.last_mut() {
                        if let Some(cell) = table.cell.take() {
                            let text = match cell.continues_merge {
                                true => String::new(),
                                false => cell.text.trim().to_string(),
                            };
                            table.row.push(text);
                            for _ in 1..cell.span.max(1) {
                                table.row.push(String::new());
                            }
                        }
                    }
                }
                "tr" => {
                    if let Some(table) = tables.last_mut() {
                        let row = std::mem::take(&mut table.row);
                        table.rows.push(row);
                    }
                }
                "tbl" => {
                    if let Some(table) = tables.pop() {
                        out.tables.push(table.rows);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Marks the cell under way as a vertical merge's continuation (`<w:vMerge/>` without
/// `w:val="restart"`).
fn set_merge(tables: &mut [TableUnderWay], tag: &BytesStart) {
    let restart = attribute(tag, "val").is_some_and(|v| v == "restart");
    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        cell.continues_merge = !restart;
    }
}

/// The value of the attribute whose local name is `name`.
fn attribute(tag: &BytesStart, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_follow_the_grid_and_paragraphs_keep_their_order() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>推荐表</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>姓  名</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>王芳</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>照片</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>主要事迹</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>第一段&amp;</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>推荐单位（盖章）</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let doc = parse_document(xml).unwrap();
        assert_eq!(doc.paragraphs, vec!["推荐表", "推荐单位（盖章）"]);
        assert_eq!(
            doc.tables[0],
            vec![
                vec!["姓  名", "王芳", "", "照片"],
                vec!["主要事迹", "第一段&\n第二段", "", ""],
            ]
        );
    }

    #[test]
    fn encrypted_and_broken_files_are_named_as_such() {
        assert_eq!(
            read(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
            Err(DocxError::Encrypted)
        );
        assert!(matches!(read(b"not a zip"), Err(DocxError::NotDocx(_))));
    }
}
