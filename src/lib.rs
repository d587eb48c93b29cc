//! laurel: a static-site generator for laureate showcases of award campaigns.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! site.yaml + content/  --content::load-->  Site
//! Site                  --media::process--> MediaIndex   (parallel, cached)
//! Site + MediaIndex     --render::render_into--> pages, one by one (minified) into a Sink:
//! pages + media         --output::Writer-->  public/      (changed files staged, then moved in)
//! ```
//!
//! [`build::build`] runs them in order, unless [`fingerprint`] finds nothing changed since the
//! last good build. The preview server's sink keeps the pages in memory instead
//! ([`render::Collect`]). The library never prints; the `laurel` binary does.
#![warn(missing_docs)]

pub mod build;
pub mod campaign;
pub mod cancel;
pub mod check;
pub mod config;
pub mod content;
pub mod deploy;
pub mod diagnostics;
pub mod export;
pub mod finding;
pub mod fingerprint;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod markdown;
pub mod media;
pub mod naming;
pub mod output;
pub mod poster;
pub mod privacy;
pub mod programs;
pub mod render;
pub mod review;
pub mod routes;
pub mod scaffold;
pub mod serve;
pub mod studio;
pub mod yaml;
pub mod years;
