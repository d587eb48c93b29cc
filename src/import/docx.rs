//! A Word `.docx` as a reader sees it: its body in order (paragraphs and tables), each table a
//! grid of cells with their spans (`gridSpan`, `gridBefore`, `vMerge`), text and pasted
//! pictures, read from `word/document.xml` (and its relationships, for the pictures) with
//! quick-xml.

use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::BTreeMap;
use std::io::Read;

/// The body of one document, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Paragraphs outside tables (empty ones dropped) and tables, as they come.
    pub blocks: Vec<Block>,
}

/// A paragraph or a table of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph's text, trimmed.
    Paragraph(String),
    /// A table.
    Table(Table),
}

/// A table as a grid of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The cells in reading order (row by row, left to right); merged cells appear once.
    pub cells: Vec<Cell>,
}

/// One cell of a table, placed on the table's grid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// First grid row (0-based).
    pub row: usize,
    /// First grid column (0-based).
    pub col: usize,
    /// Rows it spans (vertical merge).
    pub rows: usize,
    /// Columns it spans.
    pub cols: usize,
    /// Its text, one line per paragraph, trimmed.
    pub text: String,
    /// Pictures pasted into it, as stored in the document (JPEG, PNG …).
    pub images: Vec<Vec<u8>>,
}

impl Table {
    /// The cell covering grid position (`row`, `col`).
    pub fn at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rows).contains(&row) && (c.col..c.col + c.cols).contains(&col)
        })
    }

    /// The cell right of `cell` in its first row.
    pub fn right_of(&self, cell: &Cell) -> Option<&Cell> {
        self.at(cell.row, cell.col + cell.cols)
    }

    /// The cell below `cell` in its first column.
    pub fn below(&self, cell: &Cell) -> Option<&Cell> {
        self.at(cell.row + cell.rows, cell.col)
    }

    /// The table as rows of text on the grid: a cell's text at its first row and column,
    /// empty strings elsewhere.
    pub fn grid(&self) -> Vec<Vec<String>> {
        let rows = self.cells.iter().map(|c| c.row + c.rows).max().unwrap_or(0);
        let cols = self.cells.iter().map(|c| c.col + c.cols).max().unwrap_or(0);
        let mut grid = vec![vec![String::new(); cols]; rows];
        for cell in &self.cells {
            grid[cell.row][cell.col] = cell.text.clone();
        }
        grid
    }
}

impl Document {
    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }

    /// The paragraphs outside tables, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
    }
}

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive, or no `word/document.xml` in it.
    NotDocx(String),
    /// Encrypted (password-protected documents are OLE files, not zips).
    Encrypted,
}

impl DocxError {
    /// What to tell the editor, with how to get a readable copy.
    pub fn said(&self) -> crate::i18n::Said {
        match self {
            DocxError::NotDocx(why) => crate::said!("import-not-docx", why = why),
            DocxError::Encrypted => crate::said!("import-docx-encrypted"),
        }
    }
}

/// Reads the `.docx` held in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Document, DocxError> {
    // Password-protected Office files are OLE compound files, whatever their extension.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DocxError::Encrypted);
    }
    let not_docx = |e: &dyn std::fmt::Display| DocxError::NotDocx(e.to_string());
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_docx(&e))?;
    let mut entry_text = |name: &str| -> Result<String, DocxError> {
        let mut text = String::new();
        archive
            .by_name(name)
            .map_err(|e| not_docx(&e))?
            .read_to_string(&mut text)
            .map_err(|e| not_docx(&e))?;
        Ok(text)
    };
    let xml = entry_text("word/document.xml")?;
    let relationships = entry_text("word/_rels/document.xml.rels").unwrap_or_default();
    let pictures = picture_targets(&relationships);
    let mut images = BTreeMap::new();
    for (id, target) in pictures {
        let mut data = Vec::new();
        if let Ok(mut entry) = archive.by_name(&format!("word/{target}")) {
            if entry.read_to_end(&mut data).is_ok() {
                images.insert(id, data);
            }
        }
    }
    parse_document(&xml, &images).map_err(DocxError::NotDocx)
}

/// Relationship id → part name (relative to `word/`) of the document's pictures.
fn picture_targets(relationships: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(relationships);
    let mut out = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Empty(tag) | Event::Start(tag)
                if tag.local_name().into_inner() == "Relationship" =>
            {
                let kind = attribute(&tag, "Type").unwrap_or_default();
                if let (true, Some(id), Some(target)) = (
                    kind.ends_with("/image"),
                    attribute(&tag, "Id"),
                    attribute(&tag, "Target"),
                ) {
                    out.push((
                        id,
                        target
                            .trim_start_matches('/')
                            .trim_start_matches("word/")
                            .to_string(),
                    ));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A table being read: its cells, the grid row under way and the cell under way.
#[derive(Default)]
struct TableUnderWay {
    table: Table,
    row: usize,
    col: usize,
    cell: Option<CellUnderWay>,
}

#[derive(Default)]
struct CellUnderWay {
    lines: Vec<String>,
    span: usize,
    continues_merge: bool,
    images: Vec<Vec<u8>>,
}

impl TableUnderWay {
    /// Places the finished cell on the grid: a vertical merge's continuation makes the cell
    /// above it one row taller instead.
    fn finish_cell(&mut self, cell: CellUnderWay) {
        let cols = cell.span.max(1);
        let above = match (cell.continues_merge, self.row) {
            (true, row) if row > 0 => {
                let (col, row) = (self.col, row - 1);
                self.table
                    .cells
                    .iter_mut()
                    .find(|c| c.col == col && c.row + c.rows - 1 == row)
            }
            _ => None,
        };
        match above {
            Some(above) => {
                above.rows += 1;
                above.images.extend(cell.images);
            }
            None => self.table.cells.push(Cell {
                row: self.row,
                col: self.col,
                rows: 1,
                cols,
                text: cell.lines.join("\n").trim().to_string(),
                images: cell.images,
            }),
        }
        self.col += cols;
    }
}

/// Word's symbol-font check boxes (`<w:sym w:char=…>`) as the characters a reader sees.
fn symbol(code: &str) -> Option<char> {
    match code.to_ascii_uppercase().as_str() {
        "F0FE" | "F052" | "F053" | "F054" | "F0FD" => Some('☑'),
        "F0A8" | "F0A3" | "F06F" | "F0A1" => Some('□'),
        _ => None,
    }
}

/// Parses `word/document.xml`; `images` are the pictures by relationship id.
fn parse_document(xml: &str, images: &BTreeMap<String, Vec<u8>>) -> Result<Document, String> {
    let mut reader = Reader::from_str(xml);
    let mut doc = DocumentUnderWay::default();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(tag) => doc.tag(&tag, true, images),
            Event::Empty(tag) => doc.tag(&tag, false, images),
            Event::Text(text) if doc.in_text => {
                doc.paragraph
                    .push_str(&text.xml_content(XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(entity) if doc.in_text => doc.entity(entity)?,
            Event::End(tag) => doc.end(&tag),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc.out)
}

/// `word/document.xml` being read: the blocks so far, the tables open (the innermost last),
/// the paragraph under way and whether the reader is in its text.
#[derive(Default)]
struct DocumentUnderWay {
    out: Document,
    tables: Vec<TableUnderWay>,
    paragraph: String,
    in_text: bool,
}

impl DocumentUnderWay {
    /// A start tag (`is_start`) or an empty one: a table, a cell, its span or merge, a
    /// picture (`images` by relationship id), a symbol, text, a tab or a line break.
    fn tag(&mut self, tag: &BytesStart, is_start: bool, images: &BTreeMap<String, Vec<u8>>) {
        let cell = self.tables.last_mut().and_then(|t| t.cell.as_mut());
        match tag.local_name().into_inner() {
            "tbl" if is_start => self.tables.push(TableUnderWay::default()),
            "tc" if is_start => {
                if let Some(table) = self.tables.last_mut() {
                    table.cell = Some(CellUnderWay {
                        span: 1,
                        ..CellUnderWay::default()
                    });
                }
            }
            "gridBefore" => {
                let skip: usize = attribute(tag, "val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                if let Some(table) = self.tables.last_mut() {
                    table.col += skip;
                }
            }
            "gridSpan" => {
                if let Some(cell) = cell {
                    cell.span = attribute(tag, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                }
            }
            "vMerge" => {
                if let Some(cell) = cell {
                    cell.continues_merge = attribute(tag, "val").is_none_or(|v| v != "restart");
                }
            }
            "blip" | "imagedata" => {
                let id = attribute(tag, "embed").or_else(|| attribute(tag, "id"));
                let picture = id.and_then(|id| images.get(&id));
                if let (Some(picture), Some(cell)) = (picture, cell) {
                    cell.images.push(picture.clone());
                }
            }
            "sym" => self
                .paragraph
                .extend(attribute(tag, "char").as_deref().and_then(symbol)),
            "t" if is_start => self.in_text = true,
            "tab" if !is_start => self.paragraph.push('\t'),
            "br" | "cr" if !is_start => self.paragraph.push('\n'),
            _ => {}
        }
    }

    /// A character or entity reference in text.
    fn entity(&mut self, entity: BytesRef) -> Result<(), String> {
        match entity.resolve_char_ref().map_err(|e| e.to_string())? {
            Some(c) => self.paragraph.push(c),
            None => {
                let name = entity.into_inner();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name);
                self.paragraph.push_str(resolved.unwrap_or(""));
            }
        }
        Ok(())
    }

    /// An end tag: of text, a paragraph (into its cell, else the document), a cell, a row or a
    /// table.
    fn end(&mut self, tag: &BytesEnd) {
        match tag.local_name().into_inner() {
            "t" => self.in_text = false,
            "p" => {
                let text = std::mem::take(&mut self.paragraph);
                match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => cell.lines.push(text.trim_end().to_string()),
                    None if !text.trim().is_empty() => self
                        .out
                        .blocks
                        .push(Block::Paragraph(text.trim().to_string())),
                    None => {}
                }
            }
            "tc" => {
                if let Some(table) = self.tables.last_mut() {
                    if let Some(cell) = table.cell.take() {
                        table.finish_cell(cell);
                    }
                }
            }
            "tr" => {
                if let Some(table) = self.tables.last_mut() {
                    table.row += 1;
                    table.col = 0;
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    self.out.blocks.push(Block::Table(table.table));
                }
            }
            _ => {}
        }
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
    fn cells_keep_their_spans_and_paragraphs_their_order() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>推荐表</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>姓  名</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>王芳</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:drawing><a:blip xmlns:a="a" r:embed="rId7" xmlns:r="r"/></w:drawing></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>主要事迹</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>第一段&amp;</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>县科协</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>推荐单位（盖章）</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let images = BTreeMap::from([("rId7".to_string(), vec![0xFF, 0xD8])]);
        let doc = parse_document(xml, &images).unwrap();
        assert_eq!(
            doc.paragraphs().collect::<Vec<_>>(),
            vec!["推荐表", "推荐单位（盖章）"]
        );
        assert!(
            matches!(doc.blocks[2], Block::Paragraph(_)),
            "the table comes between"
        );
        let table = doc.tables().next().unwrap();
        let photo = table.at(1, 3).unwrap();
        assert_eq!((photo.row, photo.rows, photo.images.len()), (0, 2, 1));
        let story = table.right_of(table.at(1, 0).unwrap()).unwrap();
        assert_eq!((story.text.as_str(), story.cols), ("第一段&\n第二段", 2));
        assert_eq!(table.at(2, 0).unwrap().text, "☑县科协");
        assert_eq!(table.grid()[0], vec!["姓  名", "王芳", "", ""]);
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
