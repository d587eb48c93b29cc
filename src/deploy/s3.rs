//! The `s3` target: any S3-compatible object storage (Aliyun OSS, Tencent COS, Huawei OBS,
//! AWS S3, MinIO). Requests are signed by rusty-s3 (AWS Signature V4 as presigned URLs, with
//! Content-Type and Cache-Control among the signed headers) and sent by ureq; uploads run
//! eight at a time, and every request is retried with backoff on network errors, 429 and 5xx.
//! Credentials come from the environment, or typed in the studio for one run; never printed.

use super::{cache_control, MANIFEST};
use super::{changes, check_deletions, plan, Change, DeployOptions, Entry, LocalFile, Manifest};
use super::{AccessKey, Step};
use crate::config::DeployTarget;
use crate::diagnostics::Diagnostic;
use md5::{Digest, Md5};
use rayon::prelude::*;
use rusty_s3::actions::{ListObjectsV2, S3Action};
use rusty_s3::{Bucket, Credentials, UrlStyle};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The environment variables credentials are read from, first pair first.
pub const KEY_VARIABLES: [(&str, &str); 2] = [
    (
        "LAUREL_DEPLOY_ACCESS_KEY_ID",
        "LAUREL_DEPLOY_SECRET_ACCESS_KEY",
    ),
    ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
];

/// The access key the environment holds (the first pair of [`KEY_VARIABLES`] set), if any.
pub fn key_from_environment() -> Option<AccessKey> {
    KEY_VARIABLES.iter().find_map(|(id, secret)| {
        Some(AccessKey {
            id: std::env::var(id).ok()?,
            secret: std::env::var(secret).ok()?,
        })
    })
}

/// How many times a request is tried before the deploy gives up.
const ATTEMPTS: u32 = 6;
/// Uploads at the same time.
const PARALLEL_UPLOADS: usize = 8;
/// How long a signed request stays valid.
const SIGNATURE_LIFETIME: Duration = Duration::from_secs(3600);

/// Deploys `local` to the bucket; returns the changes, the unchanged count and the requests.
pub fn deploy(
    target: &DeployTarget,
    local: &[LocalFile],
    options: &DeployOptions,
) -> Result<(Vec<Change>, usize, usize), Diagnostic> {
    let store = Store::new(target, options)?;
    let mut remote = store.manifest()?;
    adopt_listing(&mut remote, local);
    let plan = plan(local, &remote);
    check_deletions(&plan, target, options.force)?;
    let made = changes(&plan);
    if options.dry_run {
        return Ok((made, plan.unchanged, store.requests()));
    }
    options.cancel.reach(Step::Upload)?;
    store.upload_in_order(&plan.uploads, options)?;
    options.cancel.reach(Step::Delete)?;
    for (path, _) in &plan.deletions {
        options.cancel.check()?;
        store.delete(path)?;
    }
    if !plan.uploads.is_empty() || !plan.deletions.is_empty() || remote.files.is_empty() {
        let json = serde_json::to_vec(&plan.manifest).expect("manifest serialises");
        store.put(MANIFEST, &json, "application/json", "no-cache")?;
    }
    Ok((made, plan.unchanged, store.requests()))
}

struct Store {
    bucket: Bucket,
    credentials: Credentials,
    prefix: String,
    agent: ureq::Agent,
    requests: AtomicUsize,
    name: String,
}

/// One failed try: worth another, or not.
enum Failure {
    Retry(String),
    Fatal(String),
}

impl Store {
    fn new(target: &DeployTarget, options: &DeployOptions) -> Result<Store, Diagnostic> {
        let site_yaml = options.root.join(crate::layout::SITE_CONFIG);
        let problem =
            |message: String, hint: String| Diagnostic::new(&site_yaml, message).hint(hint);
        let endpoint = url::Url::parse(&target.endpoint).map_err(|_| {
            problem(
                crate::tr!(
                    "deploy-bad-endpoint",
                    target = &target.name,
                    endpoint = &target.endpoint
                ),
                crate::tr!("deploy-bad-endpoint-hint"),
            )
        })?;
        let local_host = matches!(
            endpoint.host(),
            Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))
        ) || endpoint.host_str() == Some("localhost");
        let style = match target.path_style.unwrap_or(local_host) {
            true => UrlStyle::Path,
            false => UrlStyle::VirtualHost,
        };
        let bucket = Bucket::new(
            endpoint,
            style,
            target.bucket.clone(),
            target.region.clone(),
        )
        .map_err(|e| {
            problem(
                crate::tr!(
                    "deploy-bad-bucket",
                    target = &target.name,
                    error = e.to_string()
                ),
                crate::tr!("deploy-bad-bucket-hint"),
            )
        })?;
        let key = options.key.clone().or_else(key_from_environment);
        let key = key.ok_or_else(|| {
            problem(
                crate::tr!("deploy-no-credentials", target = &target.name),
                crate::tr!("deploy-no-credentials-hint"),
            )
        })?;
        let credentials = Credentials::new(key.id, key.secret);
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        let mut prefix = target.prefix.trim_start_matches('/').to_string();
        if !prefix.is_empty() && !prefix.ends_with('/') {
            prefix.push('/');
        }
        Ok(Store {
            bucket,
            credentials,
            prefix,
            agent: ureq::Agent::new_with_config(config),
            requests: AtomicUsize::new(0),
            name: target.name.clone(),
        })
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Runs `request` until it succeeds, fails for good, or has failed [`ATTEMPTS`] times,
    /// waiting 0.2 s, 0.4 s, 0.8 s … between tries.
    fn with_retries<T>(
        &self,
        what: &str,
        request: impl Fn() -> Result<T, Failure>,
    ) -> Result<T, Diagnostic> {
        let mut last = String::new();
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(200 << (attempt - 1)));
            }
            self.requests.fetch_add(1, Ordering::Relaxed);
            match request() {
                Ok(value) => return Ok(value),
                Err(Failure::Retry(why)) => last = why,
                Err(Failure::Fatal(why)) => {
                    return Err(self.failed(what, &why));
                }
            }
        }
        let why = crate::tr!("deploy-tried", error = last, times = ATTEMPTS);
        Err(self.failed(what, &why))
    }

    fn failed(&self, what: &str, why: &str) -> Diagnostic {
        Diagnostic::new(
            std::path::PathBuf::from(crate::layout::SITE_CONFIG),
            crate::tr!(
                "deploy-failed",
                target = &self.name,
                what = what,
                error = why
            ),
        )
        .hint(crate::tr!("deploy-failed-hint"))
    }

    /// A response's status sorted into success, worth a retry, or not.
    fn judge(
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<ureq::http::Response<ureq::Body>, Failure> {
        match result {
            Err(e) => Err(Failure::Retry(e.to_string())),
            Ok(response) => {
                let status = response.status().as_u16();
                match status {
                    200..=299 => Ok(response),
                    429 | 500..=599 => Err(Failure::Retry(format!("HTTP {status}"))),
                    _ => {
                        let mut response = response;
                        let body = response.body_mut().read_to_string().unwrap_or_default();
                        let code = body
                            .split("<Code>")
                            .nth(1)
                            .and_then(|rest| rest.split('<').next())
                            .unwrap_or("");
                        Err(Failure::Fatal(format!("HTTP {status} {code}")))
                    }
                }
            }
        }
    }

    /// The target's manifest; rebuilt from the bucket's listing when it is missing.
    fn manifest(&self) -> Result<Manifest, Diagnostic> {
        let key = format!("{}{MANIFEST}", self.prefix);
        let stored = self.with_retries(&crate::tr!("deploy-reading-manifest"), || {
            let url = self
                .bucket
                .get_object(Some(&self.credentials), &key)
                .sign(SIGNATURE_LIFETIME);
            match self.agent.get(url.as_str()).call() {
                Ok(response) if response.status().as_u16() == 404 => Ok(None),
                other => {
                    let mut response = Self::judge(other)?;
                    let body = response
                        .body_mut()
                        .read_to_vec()
                        .map_err(|e| Failure::Retry(e.to_string()))?;
                    Ok(serde_json::from_slice::<Manifest>(&body).ok())
                }
            }
        })?;
        match stored {
            Some(manifest) => Ok(manifest),
            None => self.manifest_from_listing(),
        }
    }

    /// What the bucket holds under the prefix, as a manifest whose hashes are the objects'
    /// ETags (the MD5 of a file uploaded in one piece) marked `md5:`.
    fn manifest_from_listing(&self) -> Result<Manifest, Diagnostic> {
        let mut files = BTreeMap::new();
        let mut token: Option<String> = None;
        loop {
            let page = self.with_retries(&crate::tr!("deploy-listing"), || {
                let mut action = ListObjectsV2::new(&self.bucket, Some(&self.credentials));
                action.with_prefix(self.prefix.as_str());
                if let Some(token) = &token {
                    action.with_continuation_token(token.as_str());
                }
                let url = action.sign(SIGNATURE_LIFETIME);
                let mut response = Self::judge(self.agent.get(url.as_str()).call())?;
                let text = response
                    .body_mut()
                    .read_to_string()
                    .map_err(|e| Failure::Retry(e.to_string()))?;
                ListObjectsV2::parse_response(&text).map_err(|e| Failure::Fatal(e.to_string()))
            })?;
            for object in page.contents {
                let Some(path) = object.key.strip_prefix(self.prefix.as_str()) else {
                    continue;
                };
                let etag = object
                    .etag
                    .unwrap_or_default()
                    .trim_matches('"')
                    .to_string();
                files.insert(
                    path.to_string(),
                    Entry {
                        hash: format!("md5:{etag}"),
                        size: object.size.unwrap_or(0),
                    },
                );
            }
            match page.next_continuation_token {
                Some(next) => token = Some(next),
                None => break,
            }
        }
        files.remove(MANIFEST);
        Ok(Manifest { files })
    }

    /// Uploads the files stage by stage (what pages use, pages, sitemap and feed), each stage
    /// finished before the next starts.
    fn upload_in_order(
        &self,
        uploads: &[(LocalFile, &'static str)],
        options: &DeployOptions,
    ) -> Result<(), Diagnostic> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(PARALLEL_UPLOADS)
            .build()
            .expect("a thread pool");
        let done = AtomicUsize::new(0);
        let mut start = 0;
        while start < uploads.len() {
            let stage = super::stage(&uploads[start].0.path);
            let end = uploads[start..]
                .iter()
                .position(|(f, _)| super::stage(&f.path) != stage)
                .map_or(uploads.len(), |n| start + n);
            pool.install(|| {
                uploads[start..end].par_iter().try_for_each(|(file, _)| {
                    options.cancel.check()?;
                    let bytes =
                        std::fs::read(&file.file).map_err(|e| super::cannot_read(&file.file, e))?;
                    let content_type = crate::routes::content_type(&file.path);
                    self.put(&file.path, &bytes, &content_type, cache_control(&file.path))?;
                    if let Some(progress) = &options.progress {
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1, uploads.len());
                    }
                    Ok::<_, Diagnostic>(())
                })
            })?;
            start = end;
        }
        Ok(())
    }

    fn put(
        &self,
        path: &str,
        bytes: &[u8],
        content_type: &str,
        cache_control: &str,
    ) -> Result<(), Diagnostic> {
        let key = format!("{}{path}", self.prefix);
        self.with_retries(&crate::tr!("deploy-uploading", path = path), || {
            let mut action = self.bucket.put_object(Some(&self.credentials), &key);
            action.headers_mut().insert("content-type", content_type);
            action.headers_mut().insert("cache-control", cache_control);
            let url = action.sign(SIGNATURE_LIFETIME);
            let request = self
                .agent
                .put(url.as_str())
                .header("content-type", content_type)
                .header("cache-control", cache_control);
            Self::judge(request.send(bytes)).map(|_| ())
        })
    }

    fn delete(&self, path: &str) -> Result<(), Diagnostic> {
        let key = format!("{}{path}", self.prefix);
        self.with_retries(&crate::tr!("deploy-deleting", path = path), || {
            let url = self
                .bucket
                .delete_object(Some(&self.credentials), &key)
                .sign(SIGNATURE_LIFETIME);
            Self::judge(self.agent.delete(url.as_str()).call()).map(|_| ())
        })
    }
}

/// Where the manifest was rebuilt from the listing, a local file of the same size and MD5
/// as the object is the same file: its entry takes the local hash, so it is not uploaded.
fn adopt_listing(remote: &mut Manifest, local: &[LocalFile]) {
    for file in local {
        let Some(entry) = remote.files.get_mut(&file.path) else {
            continue;
        };
        if entry.hash.starts_with("md5:") && entry.size == file.entry.size {
            let same = std::fs::read(&file.file).is_ok_and(|bytes| md5_hash(&bytes) == entry.hash);
            if same {
                *entry = file.entry.clone();
            }
        }
    }
}

/// A file's MD5 in the listing's hash form (`md5:<hex>`).
fn md5_hash(bytes: &[u8]) -> String {
    let digest = Md5::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("md5:{hex}")
}
