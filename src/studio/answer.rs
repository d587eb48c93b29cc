//! What the studio answers: a status, a body and headers, with the same protective headers on
//! every answer (a Content-Security-Policy without inline script, no sniffing, no referrer,
//! no framing, no caching of campaign data). The studio's own files are embedded here.

use crate::i18n::{messages, Lang};
use include_dir::{include_dir, Dir};
use serde::Serialize;
use std::collections::BTreeMap;

/// The studio's HTML, CSS and JS, embedded in the binary.
static ASSETS: Dir = include_dir!("$CARGO_MANIFEST_DIR/src/studio/assets");

/// The studio's own messages (ids are the same in every language; a test checks that).
const MESSAGE_FILE: &str = include_str!("../../locales/zh-CN/studio.ftl");

/// The largest request body read (a profile, a validation): 1 MB.
pub const MAX_BODY: usize = 1 << 20;

/// Scripts, styles and images from the studio itself only: nothing inline, nothing from
/// elsewhere, no framing by other pages.
const CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
connect-src 'self'; font-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'";

/// The headers every answer of the studio carries (a stream of events too).
pub const PROTECTION: [(&str, &str); 4] = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
];

/// An answer to one request.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// Headers beyond the common ones, Content-Type first.
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// A body of the given type.
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Answer {
        Answer {
            status,
            body,
            headers: vec![("Content-Type".into(), content_type.into())],
        }
    }

    /// One line of plain text.
    pub fn text(status: u16, text: &str) -> Answer {
        Answer::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    /// A value as JSON (200).
    pub fn json(value: &impl Serialize) -> Answer {
        Answer::json_status(200, value)
    }

    /// A value as JSON with `status`.
    pub fn json_status(status: u16, value: &impl Serialize) -> Answer {
        let body = serde_json::to_vec(value).expect("studio data serialises");
        Answer::new(status, "application/json; charset=utf-8", body)
    }

    /// 404.
    pub fn not_found() -> Answer {
        Answer::text(404, &crate::tr!("studio-not-found"))
    }

    /// 413, with the limit.
    pub fn too_large() -> Answer {
        Answer::text(413, &crate::tr!("studio-too-large", limit = MAX_BODY >> 20))
    }

    /// 303 to `location` (a path of the studio).
    pub fn redirect(location: &str) -> Answer {
        Answer::text(303, "").header("Location", location)
    }

    /// The answer with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The tiny_http response, with the common headers; without a body for HEAD.
    pub fn into_response(self, head: bool) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        // An answer with a policy of its own (the preview's pages) keeps it.
        let own_policy = self
            .headers
            .iter()
            .any(|(n, _)| n == "Content-Security-Policy");
        let common = PROTECTION.into_iter().filter(|(name, _)| {
            !own_policy || !matches!(*name, "Content-Security-Policy" | "X-Frame-Options")
        });
        let cache = match self.headers.iter().any(|(n, _)| n == "Cache-Control") {
            true => None,
            false => Some(("Cache-Control", "no-store")),
        };
        let body = if head { Vec::new() } else { self.body };
        let mut response = tiny_http::Response::from_data(body).with_status_code(self.status);
        let extra = self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        for (name, value) in common.chain(cache).chain(extra) {
            if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        response
    }
}

/// The studio's page, with the session's secret for its scripts' writes (readable only by
/// pages of the studio's own origin) and the language.
pub fn page(secret: &str, lang: Lang) -> Answer {
    let html = ASSETS
        .get_file("index.html")
        .and_then(|f| f.contents_utf8())
        .expect("index.html is embedded")
        .replace("{{key}}", secret)
        .replace("{{lang}}", lang.tag())
        .replace("{{title}}", &crate::tr!("studio-title"))
        .replace("{{site}}", &crate::tr!("studio-site"));
    Answer::new(200, "text/html; charset=utf-8", html.into_bytes())
}

/// An embedded file of the studio (`/studio.css`), else 404.
pub fn asset(path: &str) -> Answer {
    let name = path.trim_start_matches('/');
    match ASSETS.get_file(name).filter(|_| name != "index.html") {
        Some(file) => Answer::new(
            200,
            &crate::routes::content_type(name),
            file.contents().to_vec(),
        ),
        None => Answer::not_found(),
    }
}

/// Every message of the studio's file in the process's language, for its scripts.
pub fn messages_json() -> BTreeMap<&'static str, String> {
    message_ids()
        .map(|id| (id, messages().format(id, &[])))
        .collect()
}

/// The ids of the studio's messages.
fn message_ids() -> impl Iterator<Item = &'static str> {
    MESSAGE_FILE.lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let valid = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        (valid && !id.is_empty()).then_some(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_the_scripts_name_is_in_the_file() {
        let ids: Vec<&str> = message_ids().collect();
        let mut missing = Vec::new();
        for file in ASSETS.files() {
            let text = file.contents_utf8().unwrap_or_default();
            for (at, _) in text.match_indices("t('") {
                // `t(` itself, not the end of a longer name (`split('/')`).
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let id: String = text[at + 3..].chars().take_while(|&c| c != '\'').collect();
                if !ids.contains(&id.as_str()) {
                    missing.push(id);
                }
            }
        }
        assert!(missing.is_empty(), "not in studio.ftl: {missing:?}");
        assert!(ids.contains(&"studio-title"));
    }

    #[test]
    fn the_scripts_declare_each_top_level_name_once() {
        // The page loads every script into one global scope: a name declared twice at the
        // top level is a SyntaxError that stops the second script whole.
        let mut seen = std::collections::BTreeMap::new();
        let mut twice = Vec::new();
        for file in ASSETS
            .files()
            .filter(|f| f.path().extension() == Some("js".as_ref()))
        {
            for line in file.contents_utf8().unwrap_or_default().lines() {
                let declared = ["const ", "let ", "function ", "async function ", "class "]
                    .iter()
                    .find_map(|keyword| line.strip_prefix(keyword));
                let Some(rest) = declared else { continue };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                let path = file.path().display().to_string();
                if let Some(first) = seen.insert(name.clone(), path.clone()) {
                    twice.push(format!("{name} in {first} and {path}"));
                }
            }
        }
        assert!(twice.is_empty(), "declared twice: {twice:?}");
    }

    #[test]
    fn every_answer_forbids_inline_script() {
        let response = Answer::text(200, "x").into_response(false);
        let csp = response
            .headers()
            .iter()
            .find(|h| h.field.equiv("Content-Security-Policy"))
            .map(|h| h.value.to_string())
            .unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    }
}
