//! The site's settings as the build uses them: the footer, WeChat sharing, pagination, the
//! 公众号 drafts, responsive images, poster fonts and deploy targets.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The footer of an official site (every item optional): 主办, 承办, the ICP 备案号 linked to
/// MIIT's registry, the 公安备案号 linked to the public-security registry, the 网站标识码, the
/// 党政机关网站标识, contact and the IPv6 line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Footer {
    /// 主办单位; the top-level `organizer` when empty.
    pub organizers: String,
    /// 承办单位.
    pub undertaker: String,
    /// ICP 备案号, e.g. 冀ICP备12345678号-1.
    pub icp: String,
    /// 公安机关备案号, e.g. 冀公网安备13110202000123号.
    pub police: String,
    /// 网站标识码 (10 digits).
    pub site_code: String,
    /// The 党政机关网站标识: its image (a path in static/) and the link to its certificate.
    pub badge: Option<Badge>,
    /// 联系我们: a phone number, an address or an e-mail.
    pub contact: String,
    /// Show 「本网站支持IPv6」.
    pub ipv6: bool,
}

impl Footer {
    /// The digits of the 公安备案号, which the registry's link takes.
    pub fn police_code(&self) -> String {
        self.police.chars().filter(char::is_ascii_digit).collect()
    }
}

/// The 党政机关网站标识 (both keys are needed, so site.yaml's value is used as written).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Badge {
    /// The badge image, e.g. `/images/dzjg.png` (from `static/`).
    pub image: String,
    /// The link to the certificate (bszs.conac.cn).
    pub link: String,
}

/// The publisher's WeChat official account and its JS-SDK signing endpoint (both keys are
/// needed, so site.yaml's value is used as written).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WechatSettings {
    /// The official account's AppID (`wx…`).
    pub app_id: String,
    /// URL of the publisher's endpoint that signs a page URL for `wx.config` (see README).
    pub signature_url: String,
}

/// How many laureates one page of a long list shows, so that no page grows past about 300 KB
/// of HTML in a national campaign (`bench/scale.py`); `0` puts everyone on one page.
#[derive(Debug, Clone, Copy)]
pub struct Paginate {
    /// The front page's grid and the category and region pages (about 0.8 KB a laureate).
    pub grid: usize,
    /// The 图说 gallery, by laureate (about 3 KB a laureate).
    pub gallery: usize,
    /// The media kit, by laureate (about 12 KB a laureate).
    pub kit: usize,
}

/// How the 公众号 article drafts are titled.
#[derive(Debug, Clone)]
pub struct ArticleSettings {
    /// The title pattern: `{campaign}` (the site's title), `{name}`, `{quote}`, `{organization}`
    /// and `{year}` are filled in; WeChat allows 64 characters, so a long quote is shortened.
    pub title: String,
}

/// Responsive image settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageSettings {
    /// Widths in pixels of the responsive variants; never upscaled.
    pub widths: Vec<u32>,
    /// Side in pixels of the square thumbnails (grids, gallery, share images).
    pub thumbnail: u32,
    /// JPEG quality, 1–100.
    pub jpeg_quality: u8,
    /// WebP quality, 1–100.
    pub webp_quality: u8,
    /// libwebp's method (effort), 0–6: lower encodes faster and writes slightly larger files.
    pub webp_effort: u8,
}

/// A font file posters are set in (`fonts:` in site.yaml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontFile {
    /// As site.yaml names it (relative to site.yaml), for messages.
    pub name: String,
    /// Its path: the site folder joined with the name.
    pub path: PathBuf,
}

/// One place `laurel deploy` publishes to (`deploy:` in site.yaml). Credentials never come
/// from here: they are read from the environment.
#[derive(Debug, Clone)]
pub struct DeployTarget {
    /// The name given on the command line (`laurel deploy oss`).
    pub name: String,
    /// What kind of storage it is.
    pub kind: DeployKind,
    /// `s3`: the API endpoint, e.g. `https://oss-cn-beijing.aliyuncs.com`.
    pub endpoint: String,
    /// `s3`: the bucket.
    pub bucket: String,
    /// `s3`: the region, e.g. `cn-beijing`.
    pub region: String,
    /// `s3`: a folder inside the bucket, e.g. `zuimei/`.
    pub prefix: String,
    /// `s3`: address the bucket in the path (MinIO, test servers) rather than the host name
    /// (OSS, COS, OBS, S3); `None`: path style only for an IP address or localhost.
    pub path_style: Option<bool>,
    /// `folder`: the web server's document root.
    pub path: String,
    /// The most files one deploy may delete without `--force`.
    pub max_deletes: usize,
}

/// The kinds of deploy targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeployKind {
    /// Any S3-compatible object storage: Aliyun OSS, Tencent COS, Huawei OBS, AWS S3, MinIO.
    S3,
    /// A folder on this machine or a mounted share, replaced atomically.
    Folder,
}
