//! 材料包 in the studio (issue 31): the 汇总表 as a real spreadsheet, the last build's kit
//! material, and the studio's security rules on the new addresses.

use crate::studio::{two_nominees, Studio};
use calamine::Reader;

#[test]
fn the_summary_downloads_as_a_real_xlsx_and_csv_with_the_nominees() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let xlsx = studio.request("GET", "/api/handouts/summary.xlsx", &studio.cookie(), "");
    assert_eq!(xlsx.status, 200, "{}", xlsx.body);
    let disposition = xlsx.header("Content-Disposition").unwrap_or_default();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(xlsx.bytes))
        .expect("a real xlsx");
    let sheet = book.sheet_names()[0].clone();
    let cells: Vec<String> = book
        .worksheet_range(&sheet)
        .unwrap()
        .cells()
        .map(|(_, _, cell)| cell.to_string())
        .collect();
    for wanted in ["姓名", "联系电话", "王芳", "城区科协"] {
        assert!(cells.iter().any(|c| c == wanted), "{wanted} in {cells:?}");
    }
    let csv = studio.request("GET", "/api/handouts/summary.csv", &studio.cookie(), "");
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.starts_with('\u{feff}') && csv.body.contains("王芳"),
        "{}",
        csv.body
    );
    let handouts: serde_json::Value = serde_json::from_str(&studio.get("/api/handouts")).unwrap();
    assert_eq!(handouts["built"], false, "no build yet: {handouts}");
    let foreign = format!(
        "Host: evil.example:{}\r\n{}",
        studio.port(),
        studio.cookie()
    );
    for target in [
        "/api/handouts",
        "/api/handouts/summary.xlsx",
        "/api/handouts/summary.csv",
        "/built/index.html",
    ] {
        let no_key = studio.request("GET", target, "", "");
        assert_eq!(no_key.status, 403, "{target} without the secret");
        assert!(!no_key.body.contains("王芳"));
        assert_eq!(
            studio.raw("GET", target, &foreign, "").status,
            403,
            "{target} rebinding"
        );
    }
}
