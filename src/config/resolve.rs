//! The one step from site.yaml as written (`written`) to the configuration the build
//! uses: every default applied (from `defaults`, nowhere else), font files joined to
//! the site folder, `base_url` parsed. Each function destructures the whole written struct, so
//! a key added to site.yaml and not resolved here does not compile.

use super::defaults;
use super::written::{
    ArticleYaml, CampaignYaml, CriterionYaml, DeployTargetYaml, FooterYaml, ImagesYaml,
    PaginateYaml, PublicityYaml, QuotasYaml, ReviewYaml, RulesYaml, SiteYaml,
};
use super::{
    ArticleSettings, Campaign, Criterion, DeployTarget, FontFile, Footer, ImageSettings, Paginate,
    Publicity, Quotas, Review, Rules, SiteConfig,
};
use std::path::Path;
use std::sync::Arc;

/// The configuration site.yaml (`written`) makes for the site in the folder `root`, before
/// its warnings are worked out (they need the text: [`SiteConfig::parse`]).
pub(super) fn site(written: SiteYaml, root: &Path) -> SiteConfig {
    let SiteYaml {
        title,
        subtitle,
        description,
        organizer,
        base_url,
        theme,
        campaign: written_campaign,
        images,
        paginate,
        wechat,
        article,
        footer,
        fonts,
        public_contacts,
        deploy,
        old_urls_year,
    } = written;
    let base_url = base_url.unwrap_or_default();
    SiteConfig {
        title: title.unwrap_or_else(|| defaults::TITLE.into()),
        subtitle: subtitle.unwrap_or_default(),
        description: description.unwrap_or_default(),
        organizer: organizer.unwrap_or_default(),
        parsed_base_url: super::parse_base_url(&base_url),
        served_under: String::new(),
        base_url,
        theme: theme.unwrap_or_else(|| defaults::THEME.into()),
        campaign: campaign(written_campaign.unwrap_or_default(), Campaign::default()),
        images: image_settings(images.unwrap_or_default()),
        paginate: paginate_settings(paginate.unwrap_or_default()),
        wechat,
        article: article_settings(article.unwrap_or_default()),
        footer: footer_settings(footer.unwrap_or_default()),
        fonts: font_files(fonts.unwrap_or_default(), root),
        public_contacts: public_contacts.unwrap_or_default(),
        deploy: deploy
            .unwrap_or_default()
            .into_iter()
            .map(deploy_target)
            .collect(),
        old_urls_year,
        root: root.to_path_buf(),
        year_folder: None,
        warnings: Vec::new(),
        own: Arc::default(),
    }
}

/// The campaign `written` makes, what it leaves out taken from `defaults` (the campaign of
/// site.yaml's year, or of a year folder's).
pub(super) fn campaign(written: CampaignYaml, defaults: Campaign) -> Campaign {
    let CampaignYaml {
        name,
        year,
        reference_date,
        categories,
        rules: written_rules,
        order,
        phase,
        publicity,
        round,
        publicise_nominees,
        review: written_review,
    } = written;
    Campaign {
        name: name.unwrap_or(defaults.name),
        year: year.unwrap_or(defaults.year),
        reference_date: reference_date.unwrap_or(defaults.reference_date),
        categories: categories.unwrap_or(defaults.categories),
        rules: rules(written_rules.unwrap_or_default(), defaults.rules),
        order: order.unwrap_or(defaults.order),
        phase: phase.unwrap_or(defaults.phase),
        publicity: publicity.map(publicity_notice).or(defaults.publicity),
        round: round.unwrap_or(defaults.round),
        publicise_nominees: publicise_nominees.unwrap_or(defaults.publicise_nominees),
        review: review(written_review.unwrap_or_default(), defaults.review),
    }
}

fn rules(written: RulesYaml, d: Rules) -> Rules {
    let RulesYaml {
        laureates,
        province_picks,
        selection_final,
        quotas: written_quotas,
        young_age,
        young_share,
        young_team,
        summary_max_chars,
        photos_min,
        photos_max,
        photo_min_bytes,
        portrait_min_width,
        honor_keywords,
        excluded_identities,
        video_max_seconds,
        video_sizes,
        require_consent,
    } = written;
    Rules {
        laureates: laureates.unwrap_or(d.laureates),
        province_picks: province_picks.unwrap_or(d.province_picks),
        selection_final: selection_final.unwrap_or(d.selection_final),
        quotas: quotas(written_quotas.unwrap_or_default(), d.quotas),
        young_age: young_age.unwrap_or(d.young_age),
        young_share: young_share.unwrap_or(d.young_share),
        young_team: young_team.unwrap_or(d.young_team),
        summary_max_chars: summary_max_chars.unwrap_or(d.summary_max_chars),
        photos_min: photos_min.unwrap_or(d.photos_min),
        photos_max: photos_max.unwrap_or(d.photos_max),
        photo_min_bytes: photo_min_bytes.unwrap_or(d.photo_min_bytes),
        portrait_min_width: portrait_min_width.unwrap_or(d.portrait_min_width),
        honor_keywords: honor_keywords.unwrap_or(d.honor_keywords),
        excluded_identities: excluded_identities.unwrap_or(d.excluded_identities),
        video_max_seconds: video_max_seconds.unwrap_or(d.video_max_seconds),
        video_sizes: video_sizes.unwrap_or(d.video_sizes),
        require_consent: require_consent.unwrap_or(d.require_consent),
    }
}

fn quotas(written: QuotasYaml, d: Quotas) -> Quotas {
    let QuotasYaml {
        county,
        society,
        university,
    } = written;
    Quotas {
        county: county.unwrap_or(d.county),
        society: society.unwrap_or(d.society),
        university: university.unwrap_or(d.university),
    }
}

fn publicity_notice(written: PublicityYaml) -> Publicity {
    let PublicityYaml {
        start,
        end,
        phone,
        email,
        address,
        signed,
        date,
    } = written;
    Publicity {
        start,
        end,
        phone: phone.unwrap_or_default(),
        email: email.unwrap_or_default(),
        address: address.unwrap_or_default(),
        signed: signed.unwrap_or_default(),
        date,
    }
}

fn review(written: ReviewYaml, d: Review) -> Review {
    let ReviewYaml {
        criteria,
        method,
        judges,
    } = written;
    Review {
        criteria: criteria.map_or(d.criteria, |c| c.into_iter().map(criterion).collect()),
        method: method.unwrap_or(d.method),
        judges: judges.unwrap_or(d.judges),
    }
}

fn criterion(written: CriterionYaml) -> Criterion {
    let CriterionYaml { name, weight, max } = written;
    Criterion {
        name,
        weight: weight.unwrap_or(defaults::CRITERION_WEIGHT),
        max: max.unwrap_or(defaults::CRITERION_MAX),
    }
}

fn image_settings(written: ImagesYaml) -> ImageSettings {
    let ImagesYaml {
        widths,
        thumbnail,
        jpeg_quality,
        webp_quality,
        webp_effort,
    } = written;
    let d = ImageSettings::default();
    ImageSettings {
        widths: widths.unwrap_or(d.widths),
        thumbnail: thumbnail.unwrap_or(d.thumbnail),
        jpeg_quality: jpeg_quality.unwrap_or(d.jpeg_quality),
        webp_quality: webp_quality.unwrap_or(d.webp_quality),
        webp_effort: webp_effort.unwrap_or(d.webp_effort),
    }
}

fn paginate_settings(written: PaginateYaml) -> Paginate {
    let PaginateYaml { grid, gallery, kit } = written;
    let d = Paginate::default();
    Paginate {
        grid: grid.unwrap_or(d.grid),
        gallery: gallery.unwrap_or(d.gallery),
        kit: kit.unwrap_or(d.kit),
    }
}

fn article_settings(written: ArticleYaml) -> ArticleSettings {
    let ArticleYaml { title } = written;
    ArticleSettings {
        title: title.unwrap_or_else(|| ArticleSettings::default().title),
    }
}

fn footer_settings(written: FooterYaml) -> Footer {
    let FooterYaml {
        organizers,
        undertaker,
        icp,
        police,
        site_code,
        badge,
        contact,
        ipv6,
    } = written;
    Footer {
        organizers: organizers.unwrap_or_default(),
        undertaker: undertaker.unwrap_or_default(),
        icp: icp.unwrap_or_default(),
        police: police.unwrap_or_default(),
        site_code: site_code.unwrap_or_default(),
        badge,
        contact: contact.unwrap_or_default(),
        ipv6: ipv6.unwrap_or_default(),
    }
}

/// The font files site.yaml names, each joined to the site folder once.
fn font_files(names: Vec<String>, root: &Path) -> Vec<FontFile> {
    names
        .into_iter()
        .map(|name| FontFile {
            path: root.join(&name),
            name,
        })
        .collect()
}

fn deploy_target(written: DeployTargetYaml) -> DeployTarget {
    let DeployTargetYaml {
        name,
        kind,
        endpoint,
        bucket,
        region,
        prefix,
        path_style,
        path,
        max_deletes,
    } = written;
    DeployTarget {
        name,
        kind,
        endpoint: endpoint.unwrap_or_default(),
        bucket: bucket.unwrap_or_default(),
        region: region.unwrap_or_else(|| defaults::DEPLOY_REGION.into()),
        prefix: prefix.unwrap_or_default(),
        path_style,
        path: path.unwrap_or_default(),
        max_deletes: max_deletes.unwrap_or(defaults::DEPLOY_MAX_DELETES),
    }
}
