//! A Word `.docx` of one form: a title, a bordered label/value table on A4 (cells spanning
//! columns, the photo cell merged down several rows with a picture in it), and lines after
//! the table, as a minimal WordprocessingML package (`[Content_Types].xml`, `_rels/.rels`,
//! `word/document.xml`, `word/_rels/document.xml.rels`, `word/media/…`), written with the zip
//! crate, text escaped by quick-xml. Word, WPS and LibreOffice open it.

use quick_xml::escape::escape;
use std::io::Write;

/// The table's column widths in twentieths of a point; they fill A4 between 2.54 cm margins.
pub const GRID: [u32; 7] = [1250, 1350, 1100, 1300, 1200, 1026, 1800];

/// One cell of the table.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Grid columns it spans.
    pub span: usize,
    /// Its paragraphs.
    pub lines: Vec<String>,
    /// A label (bold, centred).
    pub label: bool,
    /// How it takes part in a vertical merge.
    pub merge: Merge,
    /// Holds the form's picture.
    pub picture: bool,
}

/// A cell's part in a vertical merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Merge {
    /// Not merged.
    #[default]
    None,
    /// The first cell of a merge down.
    Start,
    /// Covered by the cell above.
    Continue,
}

impl Cell {
    /// A label cell, one paragraph per line of `text`.
    pub fn label(text: &str) -> Cell {
        Cell {
            span: 1,
            lines: text.lines().map(str::to_string).collect(),
            label: true,
            ..Cell::default()
        }
    }

    /// A value cell spanning `span` columns, one paragraph per line of `text`.
    pub fn value(text: &str, span: usize) -> Cell {
        Cell {
            span,
            lines: text.lines().map(str::to_string).collect(),
            ..Cell::default()
        }
    }
}

/// A JPEG picture and its shown size in centimetres.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The JPEG file's bytes.
    pub jpeg: Vec<u8>,
    /// Width and height in centimetres.
    pub size_cm: (f64, f64),
}

/// One form: title, table rows, lines after the table.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// The title above the table.
    pub title: String,
    /// The table, row by row.
    pub rows: Vec<Vec<Cell>>,
    /// Paragraphs after the table (signature lines).
    pub after: Vec<String>,
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/photo.jpeg"/></Relationships>"#;

const NAMESPACES: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;

/// A4 with 2.54 cm margins.
const SECTION: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#;

/// The `.docx` file of `form`, `picture` in the cell marked for it.
pub fn docx(form: &Form, picture: Option<&Picture>) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ];
    let document = document_xml(form, picture);
    parts.push(("word/document.xml", document.as_bytes()));
    if let Some(picture) = picture {
        parts.push(("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()));
        parts.push(("word/media/photo.jpeg", &picture.jpeg));
    }
    for (name, bytes) in parts {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

fn document_xml(form: &Form, picture: Option<&Picture>) -> String {
    let mut body = paragraph(&form.title, "<w:jc w:val=\"center\"/>", 36, true);
    body.push_str(&table_xml(&form.rows, picture));
    for line in &form.after {
        body.push_str(&paragraph(line, "<w:jc w:val=\"right\"/>", 24, false));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NAMESPACES}><w:body>{body}{SECTION}</w:body></w:document>"
    )
}

/// A paragraph of `text` in 宋体 at `half_points`.
fn paragraph(text: &str, properties: &str, half_points: u32, bold: bool) -> String {
    format!(
        "<w:p><w:pPr>{properties}</w:pPr>{}</w:p>",
        run(text, half_points, bold)
    )
}

fn run(text: &str, half_points: u32, bold: bool) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/>{bold}<w:sz w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

fn table_xml(rows: &[Vec<Cell>], picture: Option<&Picture>) -> String {
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let grid: String = GRID
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let mut xml = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>",
        GRID.iter().sum::<u32>()
    );
    for row in rows {
        xml.push_str("<w:tr><w:trPr><w:trHeight w:val=\"600\"/></w:trPr>");
        let mut col = 0;
        for cell in row {
            xml.push_str(&cell_xml(cell, col, picture));
            col += cell.span.max(1);
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn cell_xml(cell: &Cell, col: usize, picture: Option<&Picture>) -> String {
    let span = cell.span.max(1);
    let width: u32 = GRID.iter().skip(col).take(span).sum();
    let merge = match cell.merge {
        Merge::None => "",
        Merge::Start => "<w:vMerge w:val=\"restart\"/>",
        Merge::Continue => "<w:vMerge/>",
    };
    let grid_span = match span {
        1 => String::new(),
        n => format!("<w:gridSpan w:val=\"{n}\"/>"),
    };
    let align = if cell.label {
        "<w:jc w:val=\"center\"/>"
    } else {
        ""
    };
    let mut paragraphs: String = cell
        .lines
        .iter()
        .map(|line| paragraph(line, align, 24, cell.label))
        .collect();
    if let (true, Some(picture)) = (cell.picture && cell.merge != Merge::Continue, picture) {
        paragraphs.push_str(&format!(
            "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r>{}</w:r></w:p>",
            drawing(picture)
        ));
    }
    if paragraphs.is_empty() {
        paragraphs.push_str("<w:p/>");
    }
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{grid_span}{merge}<w:vAlign w:val=\"center\"/></w:tcPr>{paragraphs}</w:tc>"
    )
}

/// The picture inline, at its size (1 cm = 360,000 EMU).
fn drawing(picture: &Picture) -> String {
    let (cx, cy) = (
        (picture.size_cm.0 * 360_000.0) as u64,
        (picture.size_cm.1 * 360_000.0) as u64,
    );
    format!(
        "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"1\" name=\"照片\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"photo.jpeg\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdPhoto\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
}
