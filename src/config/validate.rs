//! What is wrong in site.yaml beyond its shape: values the build cannot work with (errors)
//! and values that do not stop a build but should be fixed (warnings), each at its line.

use super::{Campaign, Footer, Phase, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Said;
use crate::{said, yaml};
use std::path::Path;

/// The values of `config` (made from `text`, the contents of `file`) the build cannot work
/// with.
pub(super) fn problems(config: &SiteConfig, text: &str, file: &Path) -> Diagnostics {
    let mut problems = Diagnostics::default();
    let mut problem = |key: &str, said: Said| {
        problems.push(Diagnostic::said(file, said).at_line(yaml::line_of(text, key, "")))
    };
    let url = &config.base_url;
    if !url.is_empty() && config.parsed_base_url.is_none() {
        problem("base_url", said!("base-url-invalid", url = url));
    }
    if let Some(wechat) = &config.wechat {
        if !wechat.app_id.starts_with("wx") {
            problem("app_id", said!("wechat-app-id", id = &wechat.app_id));
        }
        if !wechat.signature_url.starts_with("https://") {
            let url = &wechat.signature_url;
            problem("signature_url", said!("wechat-signature-url", url = url));
        }
    }
    let images = &config.images;
    let widths = &images.widths;
    let usable = |w: &u32| (16..=8192).contains(w);
    if widths.is_empty() || !widths.iter().all(usable) || !usable(&images.thumbnail) {
        let said = said!(
            "image-widths",
            widths = format!("{widths:?}"),
            thumbnail = images.thumbnail.to_string()
        );
        problem("widths", said);
    }
    if images.webp_effort > 6 {
        let effort = images.webp_effort.to_string();
        problem("webp_effort", said!("webp-effort", effort = effort));
    }
    for (key, quality) in [
        ("jpeg_quality", images.jpeg_quality),
        ("webp_quality", images.webp_quality),
    ] {
        if !(1..=100).contains(&quality) {
            let said = said!("image-quality", key = key, quality = quality.to_string());
            problem(key, said);
        }
    }
    for problem in config.campaign.review.problems(text, file) {
        problems.push(problem);
    }
    problems
}

/// A 备案号 or 网站标识码 of `footer` that does not have the registry's form.
pub(super) fn footer_warnings(footer: &Footer, text: &str, file: &Path) -> Vec<Diagnostic> {
    let checks = [
        ("icp", &footer.icp, icp_form(&footer.icp)),
        ("police", &footer.police, police_form(&footer.police)),
        (
            "site_code",
            &footer.site_code,
            footer.site_code.len() == 10 && footer.site_code.chars().all(|c| c.is_ascii_digit()),
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, value, ok)| !value.is_empty() && !ok)
        .map(|(key, value, _)| {
            Diagnostic::said(file, said!("footer-form", key = key, value = value))
                .at_line(yaml::line_of(text, key, value))
        })
        .collect()
}

/// In the publicity phase, each key of `campaign.publicity` the 公示 needs but lacks.
pub(super) fn publicity_warnings(campaign: &Campaign, text: &str, file: &Path) -> Vec<Diagnostic> {
    if campaign.phase != Phase::Publicity {
        return Vec::new();
    }
    let publicity = campaign.publicity.clone().unwrap_or_default();
    let line = yaml::line_of(text, "publicity", "").or(yaml::line_of(text, "phase", ""));
    [
        ("start", publicity.start.is_none()),
        ("end", publicity.end.is_none()),
        ("phone", publicity.phone.is_empty()),
        ("email", publicity.email.is_empty()),
        ("address", publicity.address.is_empty()),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(key, _)| Diagnostic::said(file, said!("publicity-missing", key = key)).at_line(line))
    .collect()
}

/// 冀ICP备12345678号 or 冀ICP备12345678号-1: a province's character, ICP备, 8 digits, 号.
fn icp_form(text: &str) -> bool {
    let mut chars = text.chars();
    let province = chars.next().is_some_and(|c| !c.is_ascii());
    let rest: String = chars.collect();
    let Some(number) = rest.strip_prefix("ICP备") else {
        return false;
    };
    let (digits, tail) = number.split_at(number.find('号').unwrap_or(number.len()));
    let serial = tail.strip_prefix('号').is_some_and(|t| {
        t.is_empty()
            || t.strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    province && digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) && serial
}

/// 冀公网安备13110202000123号: a province's character, 公网安备, 14 digits, 号.
fn police_form(text: &str) -> bool {
    let mut chars = text.chars();
    let province = chars.next().is_some_and(|c| !c.is_ascii());
    let rest: String = chars.collect();
    let digits = rest
        .strip_prefix("公网安备")
        .and_then(|r| r.trim_start().strip_suffix('号'));
    province && digits.is_some_and(|d| d.len() == 14 && d.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{icp_form, police_form};

    #[test]
    fn registration_numbers_have_the_registrys_form() {
        assert!(icp_form("冀ICP备12345678号") && icp_form("冀ICP备12345678号-1"));
        assert!(
            !icp_form("ICP备12345678号")
                && !icp_form("冀ICP备1234567号")
                && !icp_form("冀ICP备12345678")
        );
        assert!(police_form("冀公网安备13110202000123号"));
        assert!(!police_form("冀公网安备1311020200012号"));
    }
}
