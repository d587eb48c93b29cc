//! Whole-site tests: build small sites (and the example campaign) with the real binary and
//! assert on what a reader or editor would see.

mod article;
mod browser;
mod build;
mod cards;
mod check;
mod cli;
mod deploy;
mod dossier;
mod errors;
mod export;
mod forms;
mod images;
mod import;
mod junk;
mod links;
mod posters;
mod privacy;
mod publicity;
mod review;
mod round;
mod serve;
mod speaks;
mod studio;
mod studio_campaign;
mod studio_deploy;
mod studio_handouts;
mod studio_photos;
mod studio_publish;
mod studio_receive;
mod studio_settings;
mod studio_site;
mod support;
mod videos;
mod years;
